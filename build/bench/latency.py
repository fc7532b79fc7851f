"""What the cross-instance latency scripts share (revocation_latency.py, permission_latency.py, api_key_latency.py):
one HTTP connection per instance, a call with a bearer token, waiting until every other instance gives the new
answer, and the percentiles they print."""
import http.client
import time

LIMIT_S = 10


def client(port):
    return http.client.HTTPConnection("127.0.0.1", port, timeout=10)


def call(conn, method, path, token, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def wait_until(conns, answers, since, what):
    """Asks each instance in turn until answers(conn) is true on all; the ms from `since` to each one's first true."""
    pending = dict(conns)
    seen = {}
    while pending:
        for name, conn in list(pending.items()):
            if answers(conn):
                seen[name] = (time.perf_counter() - since) * 1000
                del pending[name]
        if time.perf_counter() - since > LIMIT_S:
            raise SystemExit(f"{what} after {LIMIT_S} s on {', '.join(pending)}")
    return seen


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(-(-q * len(ordered) // 1)) - 1))]


def report(seen):
    for name, values in seen.items():
        print(f"{name}: n={len(values)} p50={percentile(values, 0.5):.2f} ms p99={percentile(values, 0.99):.2f} ms max={max(values):.2f} ms")
