#!/usr/bin/env python3
"""Admin user search over a large users table: TRIALS searches through list-users, each for one user by part of their
email or their name (contains), as the console's search box sends them. Prints the percentiles of the answer time.

    list_users_latency.py run TRIALS PORT ADMIN_TOKEN ROWS
"""
import json
import random
import sys
import time
import urllib.parse

from latency import call, client, percentile


def main():
    if sys.argv[1] != "run":
        raise SystemExit(__doc__)
    trials, port, admin, rows = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    conn = client(port)
    rng = random.Random(7)
    times = []
    for trial in range(trials):
        i = rng.randint(1, rows)
        field, value = ("email", f"person{i}@") if trial % 2 == 0 else ("name", f"son {i}")
        query = urllib.parse.urlencode({"searchValue": value, "searchField": field, "searchOperator": "contains", "limit": 10})
        started = time.perf_counter()
        status, body = call(conn, "GET", f"/api/auth/admin/list-users?{query}", admin)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200 or json.loads(body)["total"] < 1:
            raise SystemExit(f"list-users answered {status}: {body[:200]!r}")
    print(f"n={len(times)} p50={percentile(times, 0.5):.2f} ms p95={percentile(times, 0.95):.2f} ms max={max(times):.2f} ms")


if __name__ == "__main__":
    main()
