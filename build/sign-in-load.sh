#!/usr/bin/env bash
# Benchmark: get-session latency while 200 clients sign in concurrently (ASVS checklist item 10; target
# p99 under 50 ms). The Release build of the service on loopback, against a throwaway PostgreSQL this
# script starts; prints the sign-in and get-session latency percentiles. Not part of build/test.sh: the
# Security suite's Asvs10_GetSessionUnderSignInLoad asserts what must hold under the same load (no
# failures, every session check answered), not the figures.
#
#   build/sign-in-load.sh          10 s of load
#   build/sign-in-load.sh 30       30 s
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

SECONDS_OF_LOAD="${1:-10}"
ensure_dotnet
ensure_postgres

WORK="$(mktemp -d -t authplatform-signinload.XXXXXX)"
chmod 755 "$WORK"
PG_DATA="$WORK/pg/data"
cleanup() {
	pg_cluster_stop "$PG_DATA"
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"
pg_cluster_start "$PG_DATA" "$PG_PORT"
export AUTHPLATFORM_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
log "PostgreSQL up on 127.0.0.1:$PG_PORT; load average $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared)"
(cd "$ROOT" && timeout 600 dotnet run -c Release --project tests/AuthPlatform.Benchmarks -- sign-in-load "$SECONDS_OF_LOAD")
