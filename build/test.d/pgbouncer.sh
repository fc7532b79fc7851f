# Sourced by build/test.sh: the fault tests put PgBouncer (transaction mode) in front of PostgreSQL.
# Installs the Debian package when the binary is missing. The package's own service is not used:
# the tests start private instances on free loopback ports.
[ -x /usr/sbin/pgbouncer ] || apt_install pgbouncer
