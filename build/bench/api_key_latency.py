#!/usr/bin/env python3
"""API-key revocation latency across instances: for each trial a key (no per-key rate limit, so instances hold it in
memory) is created through instance A and verified on B and C, then deleted through A, and B and C verify it until
they refuse it. Prints percentiles of the time from A's answer to the first refusal on B and on C.

    api_key_latency.py run TRIALS A_PORT B_PORT C_PORT OWNER_TOKEN
"""
import json
import sys
import time

from latency import call, client, report, wait_until


def valid(conn, key):
    status, body = call(conn, "POST", "/api/auth/api-key/verify", None, json.dumps({"key": key}).encode())
    if status != 200:
        raise SystemExit(f"api-key/verify answered {status}: {body[:200]!r}")
    return json.loads(body)["valid"]


def main():
    if sys.argv[1] != "run":
        raise SystemExit(__doc__)
    trials = int(sys.argv[2])
    a, b, c = (client(int(p)) for p in sys.argv[3:6])
    owner = sys.argv[6]
    seen = {"B": [], "C": []}
    for _ in range(trials):
        status, body = call(a, "POST", "/api/auth/api-key/create", owner, b'{"name":"latency"}')
        if status != 200:
            raise SystemExit(f"api-key/create answered {status}: {body[:200]!r}")
        created = json.loads(body)
        for conn in (b, c):
            for _ in range(2):  # the second from memory
                if not valid(conn, created["key"]):
                    raise SystemExit("a new key was refused before its deletion")
        status, body = call(a, "POST", "/api/auth/api-key/delete", owner, json.dumps({"keyId": created["id"]}).encode())
        if status != 200:
            raise SystemExit(f"api-key/delete answered {status}: {body[:200]!r}")
        refused = wait_until({"B": b, "C": c}, lambda conn: not valid(conn, created["key"]), time.perf_counter(),
                             "the deleted key is still valid")
        for name, ms in refused.items():
            seen[name].append(ms)
    report(seen)


if __name__ == "__main__":
    main()
