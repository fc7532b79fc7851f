#!/usr/bin/env bash
# Runs the test suites against a throwaway PostgreSQL that this script starts (127.0.0.1, free port,
# temp dir) and stops again. Installs what is missing (PostgreSQL and the tools the suites use).
# Tests are in two tiers (xunit trait Tier; docs/adr/0121-test-tiers.md): "fast" (in process, on the
# shared PostgreSQL) runs first, and a failure there stops the run; "full" (real processes, faults,
# browsers, timing) runs after it. Ends with one line of totals over both tiers:
# "N passed, N failed, N skipped". Exits non-zero on any failure.
#
#   build/test.sh                         both tiers, fast first
#   build/test.sh fast                    the fast tier only (the inner loop)
#   build/test.sh full                    the full tier only
#   TEST_FILTER='FullyQualifiedName~Session' build/test.sh   a subset of each tier (dotnet test --filter)
#   TEST_RESULTS_DIR=dir build/test.sh    also keeps the TRX files (per-test durations) in dir/<tier>/
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

case "${1:-all}" in
	all) TIERS=(fast full) ;;
	fast | full) TIERS=("$1") ;;
	*) die "usage: build/test.sh [fast|full]" ;;
esac

ensure_dotnet
ensure_postgres
ensure_commands curl:curl openssl:openssl
for setup in "$ROOT"/build/test.d/*.sh; do
	[ -e "$setup" ] && source "$setup"   # optional per-suite setup (node, python, browser, ...)
done

WORK="$(mktemp -d -t authplatform-test.XXXXXX)"
chmod 755 "$WORK"   # the cluster runs as the postgres user, which must reach its data directory
PG_DATA="$WORK/pg/data"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
cleanup() {
	pg_cluster_stop "$PG_DATA"
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"
PG_FSYNC=off pg_cluster_start "$PG_DATA" "$PG_PORT"
log "PostgreSQL up on 127.0.0.1:$PG_PORT"
# Test fixtures create one database each on this server (and clusters of their own for fault tests).
export AUTHPLATFORM_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

log "building"
dotnet build "$ROOT/AuthPlatform.sln" -c Debug -nologo -v quiet -clp:ErrorsOnly

# totals DIR ATTR : the sum of one TRX counter over the TRX files (one per test project) in DIR.
totals() {
	local f sum=0 v
	for f in "$1"/*.trx; do
		[ -e "$f" ] || continue
		v=$(grep -o "<Counters [^>]*" "$f" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
		sum=$((sum + ${v:-0}))
	done
	echo "$sum"
}

passed=0 failed=0 skipped=0 status=0
for tier in "${TIERS[@]}"; do
	dir="$RESULTS/$tier"
	filter="Tier=$tier"
	[ -z "${TEST_FILTER:-}" ] || filter="($TEST_FILTER)&$filter"
	log "running the $tier tier (dotnet test --filter '$filter')"
	tier_status=0
	dotnet test "$ROOT/AuthPlatform.sln" -c Debug --no-build -nologo -v quiet \
		--logger "trx" --logger "console;verbosity=minimal" --results-directory "$dir" \
		--filter "$filter" || tier_status=$?
	if [ -n "${TEST_RESULTS_DIR:-}" ]; then
		mkdir -p "$TEST_RESULTS_DIR/$tier" && cp "$dir"/*.trx "$TEST_RESULTS_DIR/$tier"/ 2>/dev/null || true
	fi
	tier_passed=$(totals "$dir" passed)
	tier_failed=$(($(totals "$dir" failed) + $(totals "$dir" error) + $(totals "$dir" timeout) + $(totals "$dir" aborted)))
	tier_skipped=$(totals "$dir" notExecuted)
	if [ "$tier_status" -ne 0 ] && [ "$tier_failed" -eq 0 ]; then
		tier_failed=1   # the run itself failed (crash) without a failing test to show for it
	fi
	log "$tier tier: $tier_passed passed, $tier_failed failed, $tier_skipped skipped"
	passed=$((passed + tier_passed)) failed=$((failed + tier_failed)) skipped=$((skipped + tier_skipped))
	[ "$tier_status" -eq 0 ] || status=$tier_status
	if [ "$tier_failed" -ne 0 ] && [ "$tier" = fast ] && [ "${#TIERS[@]}" -gt 1 ]; then
		log "the fast tier failed: the full tier is not run"
		break
	fi
done

[ "$((passed + failed + skipped))" -gt 0 ] || { log "no test ran"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
