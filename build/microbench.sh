#!/usr/bin/env bash
# BenchmarkDotNet microbenchmarks of the hot-path primitives (tests/AuthPlatform.Benchmarks): password
# hash and verify, JWT signature per algorithm, session token digest, cookie signature check, cookie
# cache encode/decode, and the session lookup against a throwaway PostgreSQL this script starts.
# Short in-process runs; results (GitHub markdown) are saved as docs/benchmarks/microbench-<date>.md.
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
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "PostgreSQL up on 127.0.0.1:$PG_PORT; load average $LOAD_AT_START"

ARTIFACTS="$WORK/artifacts"
(cd "$ROOT" && timeout 1800 dotnet run -c Release --project tests/AuthPlatform.Benchmarks -- \
	--filter "$FILTER" --artifacts "$ARTIFACTS" --join)

OUT="$ROOT/docs/benchmarks/microbench-$(date -u +%Y-%m-%d).md"
mkdir -p "$(dirname "$OUT")"
{
	echo "# Microbenchmarks ($(date -u +%Y-%m-%d))"
	echo
	echo "- AuthPlatform $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)); load average at start: $LOAD_AT_START (the machine is shared: read the Error column)."
	echo "- \`build/microbench.sh\` (BenchmarkDotNet short in-process runs: 3 warm-up and 3 measured iterations). Session lookup = GetSessionQuery through the Mediator pipeline on a local PostgreSQL, round trip included."
	echo
	cat "$ARTIFACTS"/results/*-report-github.md
} >"$OUT"
log "results in ${OUT#"$ROOT"/}"
