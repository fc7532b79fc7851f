#!/usr/bin/env python3
"""Permission revocation latency across instances: a member holds "admin" in an organization; instances B and C
answer has-permission (member:delete) for them from memory; the owner demotes them to "member" through instance A,
and B and C are asked until they refuse. Each trial promotes the member again through A and waits until B and C
grant again before the next demotion. Prints percentiles of the time from A's answer to the first refusal on B and C.

    permission_latency.py run TRIALS A_PORT B_PORT C_PORT OWNER_TOKEN MEMBER_TOKEN MEMBER_ID
"""
import json
import sys
import time

from latency import call, client, report, wait_until

ASK = json.dumps({"permissions": {"member": ["delete"]}}).encode()


def granted(conn, token):
    status, body = call(conn, "POST", "/api/auth/organization/has-permission", token, ASK)
    if status != 200:
        raise SystemExit(f"has-permission answered {status}: {body[:200]!r}")
    return json.loads(body)["success"]


def set_role(conn, owner_token, member_id, role):
    body = json.dumps({"memberId": member_id, "role": role}).encode()
    status, answer = call(conn, "POST", "/api/auth/organization/update-member-role", owner_token, body)
    if status != 200:
        raise SystemExit(f"update-member-role answered {status}: {answer[:200]!r}")


def main():
    if sys.argv[1] != "run":
        raise SystemExit(__doc__)
    trials = int(sys.argv[2])
    a, b, c = (client(int(p)) for p in sys.argv[3:6])
    owner, member, member_id = sys.argv[6:9]
    others = {"B": b, "C": c}
    seen = {"B": [], "C": []}
    for _ in range(trials):
        set_role(a, owner, member_id, "admin")
        wait_until(others, lambda conn: granted(conn, member), time.perf_counter(), "has-permission still refused")
        for conn in (b, c):
            if not granted(conn, member):  # a second read: now from memory
                raise SystemExit("the promoted member was refused")
        set_role(a, owner, member_id, "member")
        refused = wait_until(others, lambda conn: not granted(conn, member), time.perf_counter(), "has-permission still granted")
        for name, ms in refused.items():
            seen[name].append(ms)
    report(seen)


if __name__ == "__main__":
    main()
