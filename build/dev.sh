#!/usr/bin/env bash
# Runs AuthPlatform on http://localhost:5000 with a private PostgreSQL under .data/ (started here,
# as the postgres user). Installs PostgreSQL from Debian packages if it is missing, creates the
# database, generates a development secret once (kept in .data/), applies migrations, then serves.
# Ctrl-C stops the service and the database; the data stays for the next run.
# What the caller sets wins: with DATABASE_URL set, that database is used and none is started here;
# with AUTH_SECRET (or AUTH_SECRETS, or their BETTER_AUTH_ names) set, the development secret is not used.
#
#   build/dev.sh                 serve on http://localhost:5000
#   build/dev.sh <command> ...   run an operator command instead (migrate, rotate-keys, doctor, ...)
#   DEV_PORT=5005 DEV_PG_PORT=5434 build/dev.sh
#   AUTH_SECRET=... DATABASE_URL=postgres://... build/dev.sh doctor   check another configuration
#   DEV_SKIP_BUILD=1 build/dev.sh ...   run the build already in src/WebApi/bin (e.g. after build/test.sh)

#
# Mail (password reset, email verification) goes to a local MailDev: its inbox is on
# http://localhost:1080 (DEV_MAIL_WEB_PORT), its SMTP server on 127.0.0.1:1025 (DEV_MAIL_SMTP_PORT).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DATA_DIR="$ROOT/.data"
PG_DATA="$DATA_DIR/postgres"
DEV_PORT="${DEV_PORT:-5000}"
DEV_PG_PORT="${DEV_PG_PORT:-5433}"
DEV_MAIL_SMTP_PORT="${DEV_MAIL_SMTP_PORT:-1025}"
DEV_MAIL_WEB_PORT="${DEV_MAIL_WEB_PORT:-1080}"

ensure_dotnet
mkdir -p "$DATA_DIR"

STARTED_PG=0
cleanup() {
	[ -n "${SERVICE_PID:-}" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null
	[ -n "${MAIL_PID:-}" ] && kill "$MAIL_PID" 2>/dev/null && wait "$MAIL_PID" 2>/dev/null
	if [ "$STARTED_PG" = 1 ]; then pg_cluster_stop "$PG_DATA"; log "PostgreSQL stopped (data kept in .data/postgres)"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "${DATABASE_URL:-}" ]; then
	log "using the caller's DATABASE_URL (no local PostgreSQL started)"
else
	ensure_postgres
	if pg_cluster_running "$PG_DATA"; then
		log "PostgreSQL already running on .data/postgres"
	else
		pg_cluster_start "$PG_DATA" "$DEV_PG_PORT"
		STARTED_PG=1
		log "PostgreSQL up on 127.0.0.1:$DEV_PG_PORT (data in .data/postgres)"
	fi
	PG_PORT="$(sed -n 4p "$PG_DATA/postmaster.pid")"
	psql_admin "$PG_PORT" "select 1 from pg_database where datname = 'authplatform'" | grep -q 1 ||
		psql_admin "$PG_PORT" "create database authplatform" >/dev/null
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/authplatform"
fi

# A development secret, generated once and kept with the data (never committed: .data/ is ignored),
# unless the caller brought a secret of their own: doctor must check the secret it was given.
if [ -z "${AUTH_SECRET:-}${AUTH_SECRETS:-}${BETTER_AUTH_SECRET:-}${BETTER_AUTH_SECRETS:-}" ]; then
	[ -s "$DATA_DIR/dev-secret" ] || { random_secret >"$DATA_DIR/dev-secret"; chmod 600 "$DATA_DIR/dev-secret"; }
	export AUTH_SECRET="$(cat "$DATA_DIR/dev-secret")"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export AUTH_BASE_URL="${AUTH_BASE_URL:-http://localhost:$DEV_PORT}"
export AUTH_SMTP_HOST="${AUTH_SMTP_HOST:-127.0.0.1}"
export AUTH_SMTP_PORT="${AUTH_SMTP_PORT:-$DEV_MAIL_SMTP_PORT}"
export AUTH_SMTP_TLS="${AUTH_SMTP_TLS:-None}"
export AUTH_SMTP_FROM="${AUTH_SMTP_FROM:-AuthPlatform <no-reply@localhost.test>}"
export AUTH_CONSOLE_ENABLED="${AUTH_CONSOLE_ENABLED:-true}"   # the operator console on /console/
export Auth__Email__SendOnSignUp="${Auth__Email__SendOnSignUp:-true}"   # sign up, then find the link in the inbox

if [ "${DEV_SKIP_BUILD:-0}" != 1 ]; then
	log "building"
	dotnet build "$ROOT/src/WebApi" -c Debug -v quiet -nologo >"$DATA_DIR/build.log" 2>&1 || { cat "$DATA_DIR/build.log" >&2; die "build failed"; }
fi
APP="$ROOT/src/WebApi/bin/Debug/net10.0/AuthPlatform.WebApi.dll"

if [ $# -gt 0 ]; then
	dotnet "$APP" "$@"
	exit $?
fi

dotnet "$APP" migrate

# A local mail catcher with a web inbox: every mail the service sends lands there.
ensure_commands node:nodejs npm:npm
[ -f "$ROOT/tests/maildev/node_modules/maildev/dist/bin/maildev.js" ] ||
	(cd "$ROOT/tests/maildev" && npm ci --no-audit --no-fund --loglevel=error)
node "$ROOT/tests/maildev/node_modules/maildev/dist/bin/maildev.js" --silent \
	--smtp "$DEV_MAIL_SMTP_PORT" --ip 127.0.0.1 --web "$DEV_MAIL_WEB_PORT" --web-ip 127.0.0.1 >"$DATA_DIR/maildev.log" 2>&1 &
MAIL_PID=$!
log "mail inbox on http://localhost:$DEV_MAIL_WEB_PORT (SMTP 127.0.0.1:$DEV_MAIL_SMTP_PORT)"
log "serving on $AUTH_BASE_URL (Ctrl-C to stop); operator console on $AUTH_BASE_URL/console/ when AUTH_CONSOLE_ENABLED=true"
dotnet "$APP" --urls "http://localhost:$DEV_PORT" &
SERVICE_PID=$!
wait "$SERVICE_PID"
