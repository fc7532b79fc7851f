#!/usr/bin/env bash
# BenchmarkDotNet microbenchmarks of the hot-path primitives (tests/AuthPlatform.Benchmarks): password
# hash and verify, JWT signature per algorithm, session token digest, cookie signature check, cookie
# cache encode/decode, and the session lookup against a throwaway PostgreSQL this script starts.
# Short in-process runs; results (GitHub markdown) are copied to docs/benchmarks/microbench-<date>/.
#
#   build/microbench.sh                      every benchmark
#   build/microbench.sh '*Cookie*'           a subset (BenchmarkDotNet --filter)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

FILTER="${1:-*}"
ensure_dotnet
ensure_postgres

WORK="$(mktemp -d -t authplatform-microbench.XXXXXX)"
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
export AUTHPLATFORM_BENCH_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
log "PostgreSQL up on 127.0.0.1:$PG_PORT; load average $(cut -d' ' -f1-3 /proc/loadavg)"

ARTIFACTS="$WORK/artifacts"
(cd "$ROOT" && timeout 1800 dotnet run -c Release --project tests/AuthPlatform.Benchmarks -- \
	--filter "$FILTER" --artifacts "$ARTIFACTS" --join)

OUT="$ROOT/docs/benchmarks/microbench-$(date -u +%Y-%m-%d)"
mkdir -p "$OUT"
cp "$ARTIFACTS"/results/*-report-github.md "$OUT/" 2>/dev/null || true
log "results in ${OUT#"$ROOT"/}"
