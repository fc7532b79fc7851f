#!/usr/bin/env bash
# A short, bounded look at the service's metrics: one instance (Debug build) on a throwaway PostgreSQL
# with its Prometheus endpoint on a port of its own, Debian's prometheus scraping it every second, a
# mixed load for DEMO_SECONDS (default 60) with refusals of several kinds, then Prometheus's graphs of
# credential rejections by reason and of requests refused by limit, captured in Chromium into
# docs/images/refusals-by-reason.png. Everything it starts
# it stops. Not part of test.sh.
#
#   build/observe-demo.sh            build first (dotnet build AuthPlatform.sln)
#   DEMO_SECONDS=30 build/observe-demo.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DEMO_SECONDS="${DEMO_SECONDS:-60}"
[ "$DEMO_SECONDS" -le 120 ] || die "DEMO_SECONDS is capped at 120"
ensure_dotnet
ensure_postgres
ensure_commands curl:curl jq:jq prometheus:prometheus chromium:chromium
BINARY="$ROOT/src/WebApi/bin/Debug/net10.0/AuthPlatform.WebApi.dll"
[ -f "$BINARY" ] || die "build first: dotnet build AuthPlatform.sln"

WORK="$(mktemp -d -t authplatform-observe.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	pg_cluster_stop "$WORK/pg"
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"
PG_FSYNC=off pg_cluster_start "$WORK/pg" "$PG_PORT"
psql_admin "$PG_PORT" "create database authplatform" >/dev/null

PORT="$(free_port)"
METRICS_PORT="$(free_port)"
PROM_PORT="$(free_port)"
API="http://127.0.0.1:$PORT"
log "service on $API, metrics on :$METRICS_PORT"
DATABASE_URL="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=authplatform" \
AUTH_SECRET="$(random_secret)" AUTH_BASE_URL="$API" AUTH_MIGRATE_ON_START=true AUTH_LOG_FORMAT=json \
Telemetry__Prometheus__Enabled=true Telemetry__Prometheus__Port="$METRICS_PORT" \
	dotnet "$BINARY" --urls "$API" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -sf "$API/health/ready" >/dev/null && break; sleep 1; done
curl -sf "$API/health/ready" >/dev/null || { tail -20 "$WORK/service.log"; die "the service did not start"; }

cat >"$WORK/prometheus.yml" <<YAML
global: { scrape_interval: 1s, evaluation_interval: 1s }
scrape_configs:
  - job_name: authplatform
    static_configs: [{ targets: ["127.0.0.1:$METRICS_PORT"] }]
YAML
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
	--web.listen-address="127.0.0.1:$PROM_PORT" >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null && break; sleep 1; done

post() { curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' "$API$1" -d "$2"; }
bearer() { curl -s -o /dev/null -H "authorization: Bearer $2" "$API$1"; }
token_of() { curl -s -H 'content-type: application/json' "$API$1" -d "$2" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'; }

log "load for $DEMO_SECONDS s"
for i in 1 2 3 4 5; do
	post /api/auth/sign-up/email "{\"name\":\"Demo $i\",\"email\":\"demo$i@example.com\",\"password\":\"correct horse battery $i\"}" >/dev/null
done
end=$((SECONDS + DEMO_SECONDS))
round=0
while [ "$SECONDS" -lt "$end" ]; do
	round=$((round + 1))
	i=$((round % 5 + 1))
	# Sign-ins from one address: the credential limit (3 per 10 s and route) refuses the excess.
	post /api/auth/sign-in/email "{\"email\":\"demo$i@example.com\",\"password\":\"wrong password $round\"}" >/dev/null
	post /api/auth/sign-in/email "{\"email\":\"nobody$round@example.com\",\"password\":\"whatever it is\"}" >/dev/null
	token="$(token_of /api/auth/sign-in/email "{\"email\":\"demo$i@example.com\",\"password\":\"correct horse battery $i\"}")"
	if [ -n "$token" ]; then
		bearer /api/auth/get-session "$token"
		# The real token with a signature made without the secret.
		curl -s -o /dev/null -H "cookie: better-auth.session_token=$token.$(head -c 32 /dev/zero | base64 | tr -d '\n' | jq -sRr @uri)" "$API/api/auth/get-session"   # bad_signature
		bearer /api/auth/token "$token"
		curl -s -o /dev/null -X POST -H "authorization: Bearer $token" "$API/api/auth/sign-out"
		for _ in 1 2 3; do bearer /api/auth/get-session "$token"; done    # revoked
	fi
	for _ in $(seq 1 $((round % 4 + 1))); do bearer /api/auth/get-session "garbage-$round"; done           # bad_format
	bearer /api/auth/get-session "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"   # unknown_token
	# Every third round a burst of six wrong passwords at once for one account: past the per-address
	# limit (429) and, when the hashing pool is full, its admission (503).
	if [ $((round % 3)) -eq 0 ]; then
		burst=()
		for _ in 1 2 3 4 5 6; do
			post /api/auth/sign-in/email "{\"email\":\"demo$i@example.com\",\"password\":\"burst $round\"}" >/dev/null &
			burst+=($!)
		done
		wait "${burst[@]}" || true
	fi
	sleep 0.3
done
sleep 3   # two more scrapes

OUT="$ROOT/docs/images/refusals-by-reason.png"
mkdir -p "$(dirname "$OUT")"
expr='sum by (reason) (rate(authplatform_credential_rejections_total[15s]))'
limits='sum by (limit) (rate(authplatform_requests_refused_total[15s]))'
range="$((DEMO_SECONDS + 30))s"
url="http://127.0.0.1:$PROM_PORT/graph?g0.expr=$(printf '%s' "$expr" | jq -sRr @uri)&g0.tab=0&g0.range_input=$range&g1.expr=$(printf '%s' "$limits" | jq -sRr @uri)&g1.tab=0&g1.range_input=$range"
log "capturing $url"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1640 \
	--virtual-time-budget=15000 --screenshot="$OUT" "$url" >/dev/null 2>&1
log "wrote $OUT"
curl -s "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode 'query=sum by (reason) (authplatform_credential_rejections_total)' | head -c 1200; echo
