#!/usr/bin/env bash
# Side-by-side benchmark: AuthPlatform (Release build) against BetterAuth 1.7.25 (jwt + bearer
# plugins, from build/bench/betterauth; a second BetterAuth with the organization plugin for the
# organization scenarios), on one throwaway PostgreSQL, same machine, same wrk
# scenarios, the two servers alternating within each round. Prints one markdown table and saves
# it with machine details under docs/benchmarks/<date>.md. Bounded in time; stops what it started.
#
#   build/bench.sh                                  16 connections, 20 s warm-up, 2 rounds x 10 s
#   ROUNDS=3 DURATION=15 build/bench.sh
#   SCENARIOS="get-session-cookie token" build/bench.sh
#   BENCH_OUT=/path/to/file.md build/bench.sh       save elsewhere (default docs/benchmarks/<date>.md)
#   AP_ENV="DOTNET_gcServer=0" build/bench.sh       extra environment for every AuthPlatform instance (GC settings, ...)
#   IDLE_WAIT=0 build/bench.sh                      do not wait for the load to pass (a smoke run; figures then mean little)
#   DB_DELAY_MS=50 REVOCATION_TRIALS=1000 build/bench.sh   the far-database run and the revocation runs
#                                                   (sessions signed out, roles taken away, keys deleted, users banned)
#   LIST_USERS_ROWS=1000000 build/bench.sh          users written for the admin search measurement (0: none)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

CONNS="${CONNS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10}"
# .NET compiles hot code again with profile data (tiered compilation, dynamic PGO) during the first
# 20-30 s under load on 2 cores: get-session by bearer ran at 1,870 req/s after an 8 s warm-up and at
# 4,020 req/s after 30 s. The warm-up lets both servers reach the steady state a long-running
# instance is in; node's JIT gets the same time.
WARMUP="${WARMUP:-20}"
ROUNDS="${ROUNDS:-2}"
# get-session-cookie, -bearer and token are answered from the session cache (docs/adr/0095); the
# -uncached twins run on an instance with AUTH_SESSION_CACHE=false; get-session-far on an instance whose
# database is behind a proxy adding DB_DELAY_MS to every round trip.
# has-permission and get-full-organization: a user who owns one organization (its active one), on both sides.
# api-key-session: get-session with a key in the x-api-key header (a key without a per-key rate limit, both sides).
SCENARIOS="${SCENARIOS:-get-session-cookie get-session-bearer get-session-uncached get-session-cached token token-uncached jwks get-session-far sign-in has-permission get-full-organization api-key-session}"
DB_DELAY_MS="${DB_DELAY_MS:-50}"
REVOCATION_TRIALS="${REVOCATION_TRIALS:-1000}"
LIST_USERS_ROWS="${LIST_USERS_ROWS:-1000000}"
AP_ENV="${AP_ENV:-}"
BA_DIR="$ROOT/build/bench/betterauth"
OUT="${BENCH_OUT:-$ROOT/docs/benchmarks/$(date -u +%Y-%m-%d).md}"

ensure_dotnet
ensure_postgres
ensure_commands wrk:wrk curl:curl jq:jq node:nodejs npm:npm
if [ ! -d "$BA_DIR/node_modules/better-auth" ]; then
	log "installing BetterAuth for the benchmark (npm ci)"
	(cd "$BA_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

WORK="$(mktemp -d -t authplatform-bench.XXXXXX)"
chmod 755 "$WORK"
PG_DATA="$WORK/pg/data"
PIDS=()
cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	pg_cluster_stop "$PG_DATA"
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"
pg_cluster_start "$PG_DATA" "$PG_PORT"
psql_admin "$PG_PORT" "create database authplatform" >/dev/null
psql_admin "$PG_PORT" "create database betterauth" >/dev/null
psql_admin "$PG_PORT" "create database betterauth_org" >/dev/null
log "PostgreSQL up on 127.0.0.1:$PG_PORT"

# ---- AuthPlatform (Release) -------------------------------------------------------------------
log "building AuthPlatform (Release, ReadyToRun)"
# ReadyToRun: precompiled code for the service and its packages, so start-up does not wait for the JIT
# (docs/adr/0050-hot-path-performance.md). The same flags as docs/deployment.md recommends.
RID="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish "$ROOT/src/WebApi" -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$WORK/ap" -nologo -v quiet >"$WORK/publish.log" 2>&1 ||
	{ cat "$WORK/publish.log" >&2; die "publish failed"; }
# The figures are for an otherwise idle machine: let the publish's load pass first (at most 3 minutes),
# and record the load average the measurements start from.
for _ in $(seq 1 $(( ${IDLE_WAIT:-180} / 2 ))); do
	awk '{ exit !($1 < 1.0) }' /proc/loadavg && break
	sleep 2
done
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "load average before the servers start: $LOAD_AT_START"
SECRET="$(random_secret)"
AP_PORT="$(free_port)"
AP_CACHE_PORT="$(free_port)"
AP_NOCACHE_PORT="$(free_port)"
AP_FAR_PORT="$(free_port)"
PROXY_PORT="$(free_port)"
ap_env() { # port -> environment for one AuthPlatform instance
	echo "ASPNETCORE_ENVIRONMENT=Production"
	echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/authplatform"
	echo "AUTH_SECRET=$SECRET"
	echo "AUTH_BASE_URL=http://127.0.0.1:$1"
	# Like the BetterAuth side: no effective rate limits (they would cap sign-in at 3 per 10 s). The
	# limiter cannot be switched off, so its permits are set beyond what a run can use.
	echo "Auth__RateLimits__PermitLimit=1000000000"
	echo "Auth__RateLimits__CredentialPermitLimit=1000000000"
	# Keys without the per-key rate limit (BetterAuth's side: the plugin's rateLimit off), as service keys run.
	echo "Auth__ApiKeys__RateLimitEnabled=false"
}
env $(ap_env "$AP_PORT") dotnet "$WORK/ap/AuthPlatform.WebApi.dll" migrate >"$WORK/migrate.log" 2>&1 ||
	{ cat "$WORK/migrate.log" >&2; die "migrate failed"; }

start_ap() { # port extra-env... ; sets AP_PID_<port> and prints time to ready in ms
	local port="$1"; shift
	local started now pid
	started=$(date +%s%N)
	env $(ap_env "$port") $AP_ENV "$@" dotnet "$WORK/ap/AuthPlatform.WebApi.dll" --urls "http://127.0.0.1:$port" >"$WORK/ap-$port.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 300); do
		if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
			now=$(date +%s%N)
			echo "$pid $(( (now - started) / 1000000 ))"
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.02
	done
	kill "$pid" 2>/dev/null || true
	cat "$WORK/ap-$port.log" >&2
	die "AuthPlatform did not become ready on port $port"
}
# start_ap runs in a subshell (its output is read here), so the parent records the PIDs for cleanup.
read -r AP_PID AP_READY_MS <<<"$(start_ap "$AP_PORT")"
PIDS+=("$AP_PID")
read -r AP_CACHE_PID _ <<<"$(start_ap "$AP_CACHE_PORT" Auth__Session__CookieCache__Enabled=true)"
PIDS+=("$AP_CACHE_PID")
read -r AP_NOCACHE_PID _ <<<"$(start_ap "$AP_NOCACHE_PORT" AUTH_SESSION_CACHE=false)"
PIDS+=("$AP_NOCACHE_PID")
# The far database: a proxy holding every answer of PostgreSQL back DB_DELAY_MS (listener included).
python3 "$ROOT/build/bench/delay_proxy.py" "$PROXY_PORT" "$PG_PORT" "$DB_DELAY_MS" >"$WORK/proxy.log" 2>&1 &
PIDS+=("$!")
read -r AP_FAR_PID _ <<<"$(start_ap "$AP_FAR_PORT" "DATABASE_URL=postgres://postgres@127.0.0.1:$PROXY_PORT/authplatform")"
PIDS+=("$AP_FAR_PID")
log "AuthPlatform ready in ${AP_READY_MS} ms (pid $AP_PID); cookie-cache instance pid $AP_CACHE_PID, uncached $AP_NOCACHE_PID, far database $AP_FAR_PID"

# ---- BetterAuth -------------------------------------------------------------------------------
start_ba() { # port database extra-env... ; prints the pid
	local port="$1" database="$2"; shift 2
	(cd "$BA_DIR" && env DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$database" BETTER_AUTH_SECRET="$SECRET" \
		BETTER_AUTH_URL="http://127.0.0.1:$port" NODE_ENV=production "$@" node migrate.mjs) >"$WORK/ba-migrate-$port.log" 2>&1 ||
		{ cat "$WORK/ba-migrate-$port.log" >&2; die "BetterAuth migration failed"; }
	(cd "$BA_DIR" && DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$database" BETTER_AUTH_SECRET="$SECRET" \
		BETTER_AUTH_URL="http://127.0.0.1:$port" NODE_ENV=production HOST=127.0.0.1 PORT="$port" exec env "$@" node server.mjs) >"$WORK/ba-$port.log" 2>&1 &
	echo $!
}
wait_ba() { # port
	for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$1/healthz" 2>/dev/null && return 0; sleep 0.05; done
	cat "$WORK/ba-$1.log" >&2; die "BetterAuth did not start on port $1"
}
BA_PORT="$(free_port)"
BA_PID="$(start_ba "$BA_PORT" betterauth)"
PIDS+=("$BA_PID")
BAO_PORT="$(free_port)"
BAO_PID="$(start_ba "$BAO_PORT" betterauth_org BA_ORGANIZATION=1)"
PIDS+=("$BAO_PID")
wait_ba "$BA_PORT"; wait_ba "$BAO_PORT"
log "BetterAuth ready (pid $BA_PID; with the organization plugin: pid $BAO_PID)"

# ---- one user per server, signed in -------------------------------------------------------------
EMAIL="bench-$(date +%s)@example.com"
PASSWORD="bench-password-$(random_secret | head -c 12)"
sign_in() { # base-url name [email] -> writes $WORK/<name>.{cookie,token,signin.json}
	local base="$1" name="$2" email="${3:-$EMAIL}" jar
	jar="$WORK/$name.jar"
	curl -fsS -o /dev/null -X POST "$base/api/auth/sign-up/email" -H 'content-type: application/json' \
		--data "{\"name\":\"Bench\",\"email\":\"$email\",\"password\":\"$PASSWORD\"}" || true
	curl -fsS -o "$WORK/$name.signin.json" -c "$jar" -X POST "$base/api/auth/sign-in/email" -H 'content-type: application/json' \
		--data "{\"email\":\"$email\",\"password\":\"$PASSWORD\"}"
	awk -F'\t' '!/^# / && NF>=7 {printf "%s%s=%s", (n++?"; ":""), $6, $7}' "$jar" >"$WORK/$name.cookie"
	jq -r .token "$WORK/$name.signin.json" >"$WORK/$name.token"
}
sign_in "http://127.0.0.1:$AP_PORT" ap
sign_in "http://127.0.0.1:$BA_PORT" ba
# The organization scenarios' user (its own, so the other scenarios' session has no active organization):
# owner of one organization, which creating it makes the session's active one.
ORG_EMAIL="bench-org-$(date +%s)@example.com"
create_organization() { # base-url name
	curl -fsS -o "$WORK/$2.organization.json" -X POST "$1/api/auth/organization/create" -H 'content-type: application/json' \
		-H "Authorization: Bearer $(cat "$WORK/$2.token")" --data "{\"name\":\"Bench\",\"slug\":\"bench-$(date +%s%N)\"}"
}
sign_in "http://127.0.0.1:$AP_PORT" apo "$ORG_EMAIL"
create_organization "http://127.0.0.1:$AP_PORT" apo
sign_in "http://127.0.0.1:$BAO_PORT" bao "$ORG_EMAIL"
create_organization "http://127.0.0.1:$BAO_PORT" bao
create_api_key() { # base-url name -> writes $WORK/<name>.apikey
	curl -fsS -X POST "$1/api/auth/api-key/create" -H 'content-type: application/json' -H "Origin: $1" \
		-H "Cookie: $(cat "$WORK/$2.cookie")" --data '{"name":"bench"}' | jq -r .key >"$WORK/$2.apikey"
}
create_api_key "http://127.0.0.1:$AP_PORT" apo
create_api_key "http://127.0.0.1:$BAO_PORT" bao
# Each scenario's request must get a real answer (200 with null or false would measure nothing).
for side in "apo $AP_PORT" "bao $BAO_PORT"; do
	read -r name port <<<"$side"
	curl -fsS -H "x-api-key: $(cat "$WORK/$name.apikey")" "http://127.0.0.1:$port/api/auth/get-session" | jq -e .user.id >/dev/null ||
		die "$name: get-session with the API key found no session"
	curl -fsS -X POST -H 'content-type: application/json' -H "Authorization: Bearer $(cat "$WORK/$name.token")" \
		--data '{"permissions":{"member":["delete"]}}' "http://127.0.0.1:$port/api/auth/organization/has-permission" | jq -e '.success == true' >/dev/null ||
		die "$name: has-permission did not grant the owner"
	curl -fsS -H "Cookie: $(cat "$WORK/$name.cookie")" "http://127.0.0.1:$port/api/auth/organization/get-full-organization" | jq -e '.members | length == 1' >/dev/null ||
		die "$name: get-full-organization did not show the organization"
done
cp "$WORK/ap.cookie" "$WORK/apc.cookie"; cp "$WORK/ap.token" "$WORK/apc.token"
# The cache instance shares the database: the same session; its get-session adds the session_data cookie.
# That cookie lives Auth:Session:CookieCache:MaxAge (5 min); a browser takes the fresh one each answer
# brings, wrk sends the same header throughout, so it is fetched anew before every cached run.
refresh_cache_cookie() {
	curl -fsS -o /dev/null -c "$WORK/apc.jar" -H "Cookie: $(cat "$WORK/ap.cookie")" "http://127.0.0.1:$AP_CACHE_PORT/api/auth/get-session?disableCookieCache=true"
	CACHE_COOKIE="$(awk -F'\t' '!/^# / && NF>=7 && $6 ~ /session_data/ {print $6 "=" $7}' "$WORK/apc.jar")"
	[ -n "$CACHE_COOKIE" ] && echo "$(cat "$WORK/ap.cookie"); $CACHE_COOKIE" >"$WORK/apc.cookie"
	return 0
}
refresh_cache_cookie

cat >"$WORK/signin.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"email":"$EMAIL","password":"$PASSWORD"}'
wrk.headers["Content-Type"] = "application/json"
LUA
cat >"$WORK/has-permission.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"permissions":{"member":["delete"]}}'
wrk.headers["Content-Type"] = "application/json"
LUA

# ---- scenarios ------------------------------------------------------------------------------------
# target <server> <scenario> -> "url|header|lua script" for wrk; empty when the server does not take part.
target() {
	local server="$1" scenario="$2" port name
	case "$server" in
		ap) port=$AP_PORT; name=ap ;;
		apc) port=$AP_CACHE_PORT; name=apc ;;
		apn) port=$AP_NOCACHE_PORT; name=ap ;;
		apd) port=$AP_FAR_PORT; name=ap ;;
		ba) port=$BA_PORT; name=ba ;;
		bao) port=$BAO_PORT; name=bao ;;
	esac
	# The uncached and far instances take part only in their own scenarios, and only they; the organization
	# scenarios run on AuthPlatform's main instance (its organization user) and BetterAuth's organization instance.
	case "$server:$scenario" in
		apn:get-session-uncached|apn:token-uncached|apd:get-session-far|ap:has-permission|ap:get-full-organization|ap:api-key-session|bao:has-permission|bao:get-full-organization|bao:api-key-session) ;;
		apn:*|apd:*|bao:*|*:get-session-uncached|*:token-uncached|*:get-session-far|*:has-permission|*:get-full-organization|*:api-key-session) return 0 ;;
	esac
	case "$scenario" in has-permission|get-full-organization|api-key-session) [ "$name" = ap ] && name=apo ;; esac
	local base="http://127.0.0.1:$port/api/auth"
	case "$scenario" in
		get-session-cookie) [ "$server" = apc ] || echo "$base/get-session|Cookie: $(cat "$WORK/$name.cookie")" ;;
		get-session-uncached|get-session-far) echo "$base/get-session|Cookie: $(cat "$WORK/$name.cookie")" ;;
		token-uncached) echo "$base/token|Cookie: $(cat "$WORK/$name.cookie")" ;;
		get-session-cached) [ "$server" = apc ] && [ -n "$CACHE_COOKIE" ] && echo "$base/get-session|Cookie: $(cat "$WORK/apc.cookie")" ;;
		get-session-bearer) [ "$server" = apc ] || echo "$base/get-session|Authorization: Bearer $(cat "$WORK/$name.token")" ;;
		token) [ "$server" = apc ] || echo "$base/token|Cookie: $(cat "$WORK/$name.cookie")" ;;
		jwks) [ "$server" = apc ] || echo "$base/jwks|" ;;
		sign-in) [ "$server" = apc ] || echo "$base/sign-in/email||signin" ;;
		has-permission) echo "$base/organization/has-permission|Authorization: Bearer $(cat "$WORK/$name.token")|has-permission" ;;
		get-full-organization) echo "$base/organization/get-full-organization|Cookie: $(cat "$WORK/$name.cookie")" ;;
		api-key-session) echo "$base/get-session|x-api-key: $(cat "$WORK/$name.apikey")" ;;
	esac
	return 0
}
server_pid() { case "$1" in ap) echo "$AP_PID" ;; apc) echo "$AP_CACHE_PID" ;; apn) echo "$AP_NOCACHE_PID" ;; apd) echo "$AP_FAR_PID" ;; ba) echo "$BA_PID" ;; bao) echo "$BAO_PID" ;; esac; }

run_wrk() { # server scenario seconds outfile
	local spec url header script
	if [ "$1" = apc ]; then refresh_cache_cookie; fi
	spec="$(target "$1" "$2")"
	IFS='|' read -r url header script <<<"$spec"
	local args=(-t"$THREADS" -c"$CONNS" -d"${3}s" --timeout 10s --latency)
	if [ -n "$script" ]; then args+=(-s "$WORK/$script.lua"); fi
	if [ -n "$header" ]; then args+=(-H "$header"); fi
	timeout "$(( $3 + 30 ))" wrk "${args[@]}" "$url" >"$4" 2>&1 || true
}
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); printf "%.2f", v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.2f", v} else if (v ~ /m$/) {sub(/m$/,"",v); printf "%.2f", v*60000} else if (v ~ /s$/) {sub(/s$/,"",v); printf "%.2f", v*1000} else print v }'; }
CLK_TCK="$(getconf CLK_TCK)"
pid_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
	local pm; pm="$(head -1 "$PG_DATA/postmaster.pid")"
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v pm="$pm" '
		{ pid = $1; line = $0; sub(/^.*\) /, "", line); split(line, f, " ");
		  if (pid == pm) t += f[12] + f[13] + f[14] + f[15]; else if (f[2] == pm) t += f[12] + f[13] }
		END { print t + 0 }'
}
peak_rss_mb() { awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }

RAW="$WORK/raw.tsv"   # server scenario round rps p50 p99 requests non2xx cpu_ms pg_ms
: >"$RAW"
measure() { # server scenario round
	local server="$1" scenario="$2" round="$3" pid out n0 n1 p0 p1
	pid="$(server_pid "$server")"
	out="$WORK/wrk-$server-$scenario-$round.txt"
	n0="$(pid_ticks "$pid")"; p0="$(pg_ticks)"
	run_wrk "$server" "$scenario" "$DURATION" "$out"
	n1="$(pid_ticks "$pid")"; p1="$(pg_ticks)"
	local rps p50 p99 total non2xx
	rps=$(awk '/^Requests\/sec:/{print $2}' "$out"); rps=${rps:-0}
	p50=$(to_ms "$(awk '$1=="50%"{print $2}' "$out")")
	p99=$(to_ms "$(awk '$1=="99%"{print $2}' "$out")")
	total=$(awk '/requests in/{print $1}' "$out"); total=${total:-0}
	non2xx=$(awk '/Non-2xx or 3xx responses:/{print $5}' "$out"); non2xx=${non2xx:-0}
	local cpu pgc
	cpu=$(awk -v a="$n0" -v b="$n1" -v n="$total" -v hz="$CLK_TCK" 'BEGIN{ if (n>0) printf "%.3f", (b-a)*1000/hz/n; else print "-" }')
	pgc=$(awk -v a="$p0" -v b="$p1" -v n="$total" -v hz="$CLK_TCK" 'BEGIN{ if (n>0) printf "%.3f", (b-a)*1000/hz/n; else print "-" }')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$scenario" "$round" "$rps" "$p50" "$p99" "$total" "$non2xx" "$cpu" "$pgc" >>"$RAW"
	log "$scenario round $round $server: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $non2xx, cpu $cpu ms/req"
}

for round in $(seq 1 "$ROUNDS"); do
	for scenario in $SCENARIOS; do
		# Alternate who goes first, so neither server always runs on a warmer machine.
		if [ $((round % 2)) -eq 1 ]; then order="ba bao ap apc apn apd"; else order="apd apn apc ap bao ba"; fi
		for server in $order; do
			[ -n "$(target "$server" "$scenario")" ] || continue
			if [ "$round" = 1 ]; then run_wrk "$server" "$scenario" "$WARMUP" "$WORK/warm.txt"; fi
			measure "$server" "$scenario" "$round"
			sleep 1
		done
	done
done

# ---- revocation latency -------------------------------------------------------------------------
# Sessions of the bench user, written straight into the table (REVOCATION_TRIALS sign-ins would spend
# minutes hashing); each is read on B and C, signed out through A, and read on B and C until refused.
# A reads the database (uncached instance); B and C answer from their caches.
REVOCATION="-"
if [ "$REVOCATION_TRIALS" -gt 0 ]; then
	USER_ID="$(jq -r .user.id "$WORK/ap.signin.json")"
	python3 "$ROOT/build/bench/revocation_latency.py" prepare "$REVOCATION_TRIALS" "$USER_ID" "$WORK/revocation.tokens" >"$WORK/revocation.sql"
	psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d authplatform -qAtX -v ON_ERROR_STOP=1 -f "$WORK/revocation.sql" >/dev/null
	log "revocation latency: $REVOCATION_TRIALS sign-outs through one instance, refusals awaited on two others"
	REVOCATION="$(python3 "$ROOT/build/bench/revocation_latency.py" run "$REVOCATION_TRIALS" "$AP_NOCACHE_PORT" "$AP_PORT" "$AP_CACHE_PORT" <"$WORK/revocation.tokens" | paste -sd ';' | sed 's/;/; /g')"
	log "revocation latency: $REVOCATION"
fi

# A member's permission taken away: the organization user's organization gains a member (written straight into
# the table), whose session makes it active; A (uncached) demotes them from admin to member, B and C are asked
# has-permission until they refuse (docs/adr/0133, memberships from memory).
PERMISSION="-"
if [ "$REVOCATION_TRIALS" -gt 0 ]; then
	sign_in "http://127.0.0.1:$AP_PORT" apm "bench-member-$(date +%s)@example.com"
	ORG_ID="$(jq -r .id "$WORK/apo.organization.json")"
	MEMBER_ID="bench-member-$(date +%s%N)"
	psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d authplatform -qAtX -v ON_ERROR_STOP=1 -c \
		"insert into members (id, organization_id, user_id, role, created_at) values ('$MEMBER_ID', '$ORG_ID', '$(jq -r .user.id "$WORK/apm.signin.json")', 'member', now())" >/dev/null
	curl -fsS -o /dev/null -X POST "http://127.0.0.1:$AP_PORT/api/auth/organization/set-active" -H 'content-type: application/json' \
		-H "Authorization: Bearer $(cat "$WORK/apm.token")" --data "{\"organizationId\":\"$ORG_ID\"}"
	log "permission latency: $REVOCATION_TRIALS demotions through one instance, refusals awaited on two others"
	PERMISSION="$(cd "$ROOT/build/bench" && python3 permission_latency.py run "$REVOCATION_TRIALS" "$AP_NOCACHE_PORT" "$AP_PORT" "$AP_CACHE_PORT" \
		"$(cat "$WORK/apo.token")" "$(cat "$WORK/apm.token")" "$MEMBER_ID" | paste -sd ';' | sed 's/;/; /g')"
	log "permission latency: $PERMISSION"
fi

# An API key deleted: created and deleted through A (uncached), verified on B and C until refused (docs/adr/0131).
API_KEY_LATENCY="-"
if [ "$REVOCATION_TRIALS" -gt 0 ]; then
	log "API-key latency: $REVOCATION_TRIALS deletions through one instance, refusals awaited on two others"
	API_KEY_LATENCY="$(cd "$ROOT/build/bench" && python3 api_key_latency.py run "$REVOCATION_TRIALS" "$AP_NOCACHE_PORT" "$AP_PORT" "$AP_CACHE_PORT" \
		"$(cat "$WORK/apo.token")" | paste -sd ';' | sed 's/;/; /g')"
	log "API-key latency: $API_KEY_LATENCY"
fi

# A ban: an admin (made one in the table) unbans a user and signs them in through A, B and C hold their session, the
# admin bans them through A, and B and C are read until they refuse (docs/adr/0095: the ban ends the user's sessions).
BAN_LATENCY="-"
if [ "$REVOCATION_TRIALS" -gt 0 ]; then
	ADMIN_EMAIL="bench-admin-$(date +%s)@example.com" BANNED_EMAIL="bench-banned-$(date +%s)@example.com"
	sign_in "http://127.0.0.1:$AP_PORT" apa "$ADMIN_EMAIL"
	sign_in "http://127.0.0.1:$AP_PORT" apv "$BANNED_EMAIL"
	psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d authplatform -qAtX -v ON_ERROR_STOP=1 -c \
		"update users set role = 'admin' where email = '$ADMIN_EMAIL'" >/dev/null
	log "ban latency: $REVOCATION_TRIALS bans through one instance, refusals awaited on two others"
	BAN_LATENCY="$(cd "$ROOT/build/bench" && python3 ban_latency.py run "$REVOCATION_TRIALS" "$AP_NOCACHE_PORT" "$AP_PORT" "$AP_CACHE_PORT" \
		"$(cat "$WORK/apa.token")" "$(jq -r .user.id "$WORK/apv.signin.json")" "$BANNED_EMAIL" "$PASSWORD" | paste -sd ';' | sed 's/;/; /g')"
	log "ban latency: $BAN_LATENCY"
fi

# The admin's user search over LIST_USERS_ROWS users (written straight into the table), through list-users on the
# uncached instance; and the plan PostgreSQL chooses for such a search (migration UserSearchIndexes).
LIST_USERS="-" LIST_USERS_PLAN="-"
if [ "$LIST_USERS_ROWS" -gt 0 ] && [ "$REVOCATION_TRIALS" -gt 0 ]; then
	log "list-users: writing $LIST_USERS_ROWS users"
	psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d authplatform -qAtX -v ON_ERROR_STOP=1 -c \
		"insert into users (id, name, email, email_verified, created_at, updated_at)
		 select 'bench-user-' || i, 'Person ' || i, 'person' || i || '@example.org', true, now(), now()
		 from generate_series(1, $LIST_USERS_ROWS) as i; analyze users;" >/dev/null
	LIST_USERS="$(cd "$ROOT/build/bench" && python3 list_users_latency.py run 200 "$AP_NOCACHE_PORT" "$(cat "$WORK/apa.token")" "$LIST_USERS_ROWS")"
	LIST_USERS_PLAN="$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d authplatform -qAtX -c \
		"explain select * from users where email like '%person4242@%' order by created_at limit 10" | grep -o 'Index Scan on [a-z_]*\|Seq Scan on [a-z_]*' | head -1)"
	log "list-users: $LIST_USERS; plan: $LIST_USERS_PLAN"
fi

# ---- report -----------------------------------------------------------------------------------------
median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) {print "-"} else if (NR%2) {print a[(NR+1)/2]} else {printf "%.2f", (a[NR/2]+a[NR/2+1])/2} }'; }
col() { awk -F'\t' -v s="$1" -v c="$2" -v k="$3" '$1==s && $2==c {print $k}' "$RAW" | median; }
AP_RSS="$(peak_rss_mb "$AP_PID")"; APC_RSS="$(peak_rss_mb "$AP_CACHE_PID")"; BA_RSS="$(peak_rss_mb "$BA_PID")"; BAO_RSS="$(peak_rss_mb "$BAO_PID")"
APN_RSS="$(peak_rss_mb "$AP_NOCACHE_PID")"; APD_RSS="$(peak_rss_mb "$AP_FAR_PID")"
AP_MEMORY="$(python3 "$ROOT/build/bench/memory_breakdown.py" "$AP_PID" 2>/dev/null || echo "-")"
CPU_MODEL="$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
{
	echo "# Benchmark: AuthPlatform vs BetterAuth ($(date -u +%Y-%m-%d))"
	echo
	echo "- Machine: $(nproc) cores ($CPU_MODEL), $(free -g | awk '/Mem:/{print $2}') GiB RAM; load average before the servers started: $LOAD_AT_START. Servers, PostgreSQL and wrk share these cores."
	echo "- AuthPlatform $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') (Release, .NET $(dotnet --list-runtimes | awk '/NETCore.App/{v=$2} END{print v}')); BetterAuth $(node -p "require('$BA_DIR/node_modules/better-auth/package.json').version") + jwt + bearer (node $(node -v)); PostgreSQL $(psql_admin "$PG_PORT" 'show server_version' | cut -d' ' -f1); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')."
	echo "- wrk: $THREADS threads, $CONNS connections, ${WARMUP} s warm-up per server and scenario, $ROUNDS rounds of ${DURATION} s, servers alternating within each round. Medians over rounds."
	echo "- Both: rate limiting off, one user signed in; BetterAuth cookie cache off (its default with a database). \`get-session-cached\` is AuthPlatform with its cookie cache on, compared with BetterAuth's \`get-session-cookie\`."
	echo "- AuthPlatform time from process start to ready (migrations already applied): ${AP_READY_MS} ms. Peak RSS: AuthPlatform ${AP_RSS} MB (cookie-cache instance ${APC_RSS} MB, uncached ${APN_RSS} MB, far database ${APD_RSS} MB), BetterAuth ${BA_RSS} MB (with the organization plugin ${BAO_RSS} MB). Extra environment: \`${AP_ENV:-none}\`."
	echo "- AuthPlatform's memory at the end of the run, by kind: ${AP_MEMORY}."
	echo "- \`-uncached\`: an instance with the session cache off (AUTH_SESSION_CACHE=false). \`get-session-far\`: an instance whose database is behind a proxy adding ${DB_DELAY_MS} ms to every round trip (cached session)."
	echo "- Revocation latency (sign-out answered by A to the first refusal on B and on C, ${REVOCATION_TRIALS} trials): ${REVOCATION}."
	echo "- API-key latency (a key deleted through A, to the first refusal of /api-key/verify on B and on C, ${REVOCATION_TRIALS} trials): ${API_KEY_LATENCY}."
	echo "- Admin user search (list-users, contains on email or name, 200 searches over ${LIST_USERS_ROWS} users, uncached instance): ${LIST_USERS}; plan of such a search: ${LIST_USERS_PLAN}."
	echo "- Ban latency (a user banned through A, to the first refusal of their session on B and on C, ${REVOCATION_TRIALS} trials): ${BAN_LATENCY}."
	echo "- Permission latency (a member demoted from admin to member answered by A, to the first has-permission refusal on B and on C, ${REVOCATION_TRIALS} trials): ${PERMISSION}."
	echo "- \`has-permission\` (bearer, \`{permissions: {member: [delete]}}\`) and \`get-full-organization\` (cookie): a user owning one organization, its active one; \`api-key-session\`: get-session with that user's API key in \`x-api-key\` (no per-key rate limit on either side). BetterAuth with its organization plugin (teams on) and \`@better-auth/api-key\` (enableSessionForAPIKeys), on its own database."
	echo
	echo "| scenario | server | req/s | p50 ms | p99 ms | CPU ms/req | PostgreSQL CPU ms/req | non-2xx | AuthPlatform / BetterAuth |"
	echo "|---|---|---|---|---|---|---|---|---|"
	for scenario in $SCENARIOS; do
		case "$scenario" in
			get-session-cached|get-session-uncached) base_scenario=get-session-cookie ;;
			token-uncached) base_scenario=token ;;
			*) base_scenario="$scenario" ;;
		esac
		ba_server=ba
		case "$scenario" in has-permission|get-full-organization|api-key-session) ba_server=bao ;; esac
		ba_rps="$(col "$ba_server" "$base_scenario" 4)"
		for server in ba bao ap apc apn apd; do
			[ -n "$(awk -F'\t' -v s="$server" -v c="$scenario" '$1==s && $2==c' "$RAW")" ] || continue
			rps="$(col "$server" "$scenario" 4)"
			ratio="-"
			if [ "${server#ba}" = "$server" ] && [ "$ba_rps" != "-" ]; then ratio="$(awk -v a="$rps" -v b="$ba_rps" 'BEGIN{ if (b>0) printf "%.1f x", a/b; else print "-" }')"; fi
			label="$([ "${server#ba}" != "$server" ] && echo BetterAuth || echo AuthPlatform)"
			echo "| $scenario | $label | $rps | $(col "$server" "$scenario" 5) | $(col "$server" "$scenario" 6) | $(col "$server" "$scenario" 9) | $(col "$server" "$scenario" 10) | $(col "$server" "$scenario" 8) | $ratio |"
		done
	done
	echo
	echo "Raw runs (server, scenario, round, req/s, p50, p99, requests, non-2xx, CPU ms/req, PostgreSQL CPU ms/req):"
	echo
	echo '```'
	sed 's/^apc\b/authplatform+cookie-cache/; s/^apn\b/authplatform-uncached/; s/^apd\b/authplatform-far-db/; s/^ap\b/authplatform/; s/^bao\b/betterauth+organization/; s/^ba\b/betterauth/' "$RAW"
	echo '```'
} >"$WORK/report.md"

mkdir -p "$(dirname "$OUT")"
cp "$WORK/report.md" "$OUT"
cat "$WORK/report.md"
log "saved to ${OUT#"$ROOT"/}"
