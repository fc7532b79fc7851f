#!/usr/bin/env bash
# Runs every test suite against a throwaway PostgreSQL that this script starts (127.0.0.1, free port,
# temp dir) and stops again. Installs what is missing (PostgreSQL and the tools the suites use).
# Ends with one line of totals over all suites: "N passed, N failed, N skipped". Exits non-zero on
# any failure.
#
#   build/test.sh                         everything
#   TEST_FILTER='FullyQualifiedName~Session' build/test.sh   a subset (dotnet test --filter)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

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

status=0
log "running dotnet test"
dotnet test "$ROOT/AuthPlatform.sln" -c Debug --no-build -nologo -v quiet \
	--logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" \
	${TEST_FILTER:+--filter "$TEST_FILTER"} || status=$?

# Totals over every TRX file (one per test project).
totals() {
	local f attr sum=0 v
	attr="$1"
	for f in "$RESULTS"/*.trx; do
		[ -e "$f" ] || continue
		v=$(grep -o "<Counters [^>]*" "$f" | grep -o " $attr=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
		sum=$((sum + ${v:-0}))
	done
	echo "$sum"
}
passed=$(totals passed)
failed=$(($(totals failed) + $(totals error) + $(totals timeout) + $(totals aborted)))
skipped=$(totals notExecuted)
trx_count=$(ls "$RESULTS"/*.trx 2>/dev/null | wc -l)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1   # the run itself failed (build, crash) without a failing test to show for it
fi
[ "$trx_count" -gt 0 ] || { log "no test results were produced"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
