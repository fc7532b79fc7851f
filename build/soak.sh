#!/usr/bin/env bash
# Soak: 5 minutes of mixed load (sign-up, sign-in, get-session, token when the build issues tokens,
# sign-out) at 32 connections against the Release build, with a private PostgreSQL that the soak
# program starts on a free loopback port and stops again. Reports every response count, latency
# percentiles, lost sessions and the service's resident memory (start, after warm-up, peak, end).
# Exits non-zero on any 5xx, any lost session or memory that keeps growing after warm-up.
# Not part of build/test.sh.
#
#   build/soak.sh                                  5 minutes, 32 connections
#   SOAK_SECONDS=60 SOAK_CONNECTIONS=16 build/soak.sh
#   build/soak.sh --cleanup                        10 minutes of 5-second sessions with the cleanup job every
#                                                  2 s: the sessions table must stay flat (SOAK_SECONDS applies)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

MODE=()
if [ "${1:-}" = "--cleanup" ]; then
	MODE=(--cleanup)
	SOAK_SECONDS="${SOAK_SECONDS:-600}"
	SOAK_CONNECTIONS="${SOAK_CONNECTIONS:-4}"
fi
SOAK_SECONDS="${SOAK_SECONDS:-300}"
SOAK_CONNECTIONS="${SOAK_CONNECTIONS:-32}"
SOAK_WARMUP="${SOAK_WARMUP:-60}"

ensure_dotnet
ensure_postgres

log "building the Release configuration"
dotnet build "$ROOT/src/WebApi" -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build "$ROOT/tests/AuthPlatform.Soak" -c Release -nologo -v quiet -clp:ErrorsOnly

log "soaking for $SOAK_SECONDS s at $SOAK_CONNECTIONS connections"
# Bounded even if something hangs: the load time plus set-up, the final session check and shutdown.
timeout --kill-after=30 "$((SOAK_SECONDS + 600))" \
	dotnet "$ROOT/tests/AuthPlatform.Soak/bin/Release/net10.0/AuthPlatform.Soak.dll" \
	--duration "$SOAK_SECONDS" --connections "$SOAK_CONNECTIONS" --warmup "$SOAK_WARMUP" "${MODE[@]}"
