# Sourced by build/test.sh. The social sign-in tests run against a real OpenID Connect provider
# (oidc-provider, npm) that each test fixture starts on a free loopback port. Idempotent: installs only
# what is missing.
ensure_commands node:nodejs npm:npm
if [ ! -f "$ROOT/tests/oidc-provider/node_modules/oidc-provider/package.json" ]; then
	log "installing oidc-provider (npm ci in tests/oidc-provider)"
	(cd "$ROOT/tests/oidc-provider" && npm ci --no-audit --no-fund --loglevel=error)
fi
