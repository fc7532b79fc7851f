# Shared helpers for build/*.sh (source it; do not execute).
# Installs what is missing from Debian packages, starts private PostgreSQL clusters on 127.0.0.1,
# and stops only what it started.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# apt_install PKG... : installs Debian packages, with a private .deb cache (a shared image may clean
# /var/cache/apt/archives under our feet) and a wait for the dpkg lock.
apt_install() {
	log "installing with apt: $*"
	local cache="${TMPDIR:-/tmp}/authplatform-apt-cache"
	mkdir -p "$cache/partial"
	as_root apt-get update -qq >/dev/null 2>&1 || as_root apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq -o DPkg::Lock::Timeout=300 \
		-o Dir::Cache::Archives="$cache/" "$@" >/dev/null
}

# ensure_commands CMD:PKG... : installs the package of each missing command.
ensure_commands() {
	local missing=() spec
	for spec in "$@"; do
		command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec##*:}")
	done
	[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

ensure_dotnet() {
	command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet, version 10) is required: https://dotnet.microsoft.com/download"
	export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

pg_bindir() {
	local d
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	return 1
}

ensure_postgres() {
	pg_bindir >/dev/null || apt_install postgresql
	PG_BIN="$(pg_bindir)" || die "PostgreSQL binaries not found after installing"
	command -v psql >/dev/null 2>&1 || apt_install postgresql-client
	# PostgreSQL refuses to run as root: clusters run as the postgres user.
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
		PG_RUN_AS=postgres
	else
		PG_RUN_AS=""
	fi
}

# (cd / first: the postgres user may not be allowed into the current directory.)
as_pg() { if [ -n "${PG_RUN_AS:-}" ]; then (cd / && runuser -u "$PG_RUN_AS" -- "$@"); else "$@"; fi; }

# free_port [PREFERRED] : prints a free TCP port on 127.0.0.1.
# Picked below the kernel's ephemeral range: a port there may be the local end of an outgoing
# connection (to PostgreSQL, say), which no listener answers on but which a listen would still collide with.
free_port() {
	local want="${1:-0}" port top=32767
	if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then
		top=$(( $(cut -f1 /proc/sys/net/ipv4/ip_local_port_range) - 1 ))
		[ "$top" -gt 21000 ] || top=60000
	fi
	for port in $want $(shuf -i "20000-$top" -n 50); do
		[ "$port" -gt 0 ] || continue
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
	done
	die "no free port found"
}

# pg_cluster_start DATA_DIR PORT : initialises (once) and starts a cluster listening on 127.0.0.1 only.
pg_cluster_start() {
	local data="$1" port="$2" dir
	dir="$(dirname "$data")"
	mkdir -p "$dir"
	if [ -n "${PG_RUN_AS:-}" ]; then chown "$PG_RUN_AS" "$dir"; fi
	if [ ! -f "$data/PG_VERSION" ]; then
		as_pg "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
			{ cat "$dir/initdb.log" >&2; die "initdb failed"; }
	fi
	as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 \
		-o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data -c max_connections=${PG_MAX_CONNECTIONS:-200} -c fsync=${PG_FSYNC:-on}" \
		start >/dev/null || { tail -20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
}

pg_cluster_stop() {
	local data="$1"
	[ -f "$data/postmaster.pid" ] || return 0
	as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

pg_cluster_running() { [ -f "$1/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

# psql_admin PORT SQL : runs SQL as the postgres superuser over TCP.
psql_admin() { psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 -c "$2"; }

random_secret() { head -c 48 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'; }
