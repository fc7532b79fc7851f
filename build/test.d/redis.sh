# Sourced by build/test.sh: the fault tests share the per-address rate limit of several instances through a
# real Redis. Installs the Debian package when the binary is missing. The package's own service is not
# used: the tests start private servers on free loopback ports (tests/AuthPlatform.Testing/Faults/RedisServer.cs).
[ -x /usr/bin/redis-server ] || apt_install redis-server
# Debian starts the packaged service on 6379 on install; this project does not use it.
