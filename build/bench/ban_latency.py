#!/usr/bin/env python3
"""Ban latency across instances: for each trial the user is unbanned and signed in through instance A, their session
is read on B and C (so they hold it in memory), an admin bans them through A, and B and C are read until they refuse
the session. Prints percentiles of the time from A's answer to the first refusal on B and on C.

    ban_latency.py run TRIALS A_PORT B_PORT C_PORT ADMIN_TOKEN USER_ID EMAIL PASSWORD
"""
import json
import sys
import time

from latency import call, client, report, wait_until


def post(conn, path, token, body):
    status, answer = call(conn, "POST", path, token, json.dumps(body).encode())
    if status != 200:
        raise SystemExit(f"{path} answered {status}: {answer[:200]!r}")
    return json.loads(answer)


def is_live(conn, token):
    status, body = call(conn, "GET", "/api/auth/get-session", token)
    if status != 200:
        raise SystemExit(f"get-session answered {status}: {body[:200]!r}")
    return body.strip() != b"null"


def main():
    if sys.argv[1] != "run":
        raise SystemExit(__doc__)
    trials = int(sys.argv[2])
    a, b, c = (client(int(p)) for p in sys.argv[3:6])
    admin, user_id, email, password = sys.argv[6:10]
    seen = {"B": [], "C": []}
    for _ in range(trials):
        post(a, "/api/auth/admin/unban-user", admin, {"userId": user_id})
        token = post(a, "/api/auth/sign-in/email", None, {"email": email, "password": password})["token"]
        for conn in (b, c):
            for _ in range(2):  # the second from memory
                if not is_live(conn, token):
                    raise SystemExit("a fresh session was refused before the ban")
        post(a, "/api/auth/admin/ban-user", admin, {"userId": user_id, "banReason": "latency"})
        refused = wait_until({"B": b, "C": c}, lambda conn: not is_live(conn, token), time.perf_counter(), "the banned user's session is still live")
        for name, ms in refused.items():
            seen[name].append(ms)
    report(seen)


if __name__ == "__main__":
    main()
