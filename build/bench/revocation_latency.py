#!/usr/bin/env python3
"""Revocation latency across instances: for each trial a session is read on instances B and C (so they
hold it in memory), signed out through instance A, and B and C are read until they refuse it. Prints
percentiles of the time from A's answer to the first refusal on B and on C.

    revocation_latency.py prepare N USER_ID TOKENS_FILE > sessions.sql   N sessions of a user (SQL insert; tokens to the file)
    revocation_latency.py run TRIALS A_PORT B_PORT C_PORT < TOKENS_FILE
"""
import hashlib
import secrets
import sys
import time

from latency import call, client, report, wait_until


def is_live(conn, token):
    status, body = call(conn, "GET", "/api/auth/get-session", token)
    if status != 200:
        raise SystemExit(f"get-session answered {status}: {body[:200]!r}")
    return body.strip() != b"null"


def prepare(count, user_id, tokens_file):
    rows = []
    with open(tokens_file, "w") as tokens:
        for i in range(count):
            token = secrets.token_urlsafe(32)
            tokens.write(token + "\n")
            digest = hashlib.sha256(token.encode("ascii")).hexdigest()
            rows.append(f"('rev-{i}-{secrets.token_hex(6)}', '{user_id}', '\\x{digest}', now(), now(), "
                        "now() + interval '1 day', now() + interval '30 days', true)")
    print("insert into sessions (id, user_id, token_digest, created_at, updated_at, expires_at, absolute_expires_at, remember_me) values")
    print(",\n".join(rows) + ";")


def main():
    if sys.argv[1] == "prepare":
        prepare(int(sys.argv[2]), sys.argv[3], sys.argv[4])
        return
    trials = int(sys.argv[2])
    a, b, c = (client(int(p)) for p in sys.argv[3:6])
    tokens = [line.strip() for line in sys.stdin if line.strip()][:trials]
    seen = {"B": [], "C": []}
    for token in tokens:
        for conn in (b, c):
            for _ in range(2):
                if not is_live(conn, token):
                    raise SystemExit("a fresh session was refused before its revocation")
        status, body = call(a, "POST", "/api/auth/sign-out", token, b"{}")
        if status != 200:
            raise SystemExit(f"sign-out answered {status}: {body[:200]!r}")
        refused = wait_until({"B": b, "C": c}, lambda conn: not is_live(conn, token), time.perf_counter(), "still live")
        for name, ms in refused.items():
            seen[name].append(ms)
    report(seen)


if __name__ == "__main__":
    main()
