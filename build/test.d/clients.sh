# Sourced by build/test.sh. The client suite (tests/AuthPlatform.Clients.Tests) drives the service with
# BetterAuth's JavaScript client and drives the demo frontend in Debian's Chromium through playwright-core
# (never a browser download). Idempotent: installs only what is missing.
#   - Node.js + npm; the npm packages of tests/clients/betterauth-client (better-auth, @better-auth/api-key), tests/clients/browser,
#     tests/clients/betterauth-passkey (BetterAuth's passkeyClient in Chromium, bundled with esbuild),
#     tests/clients/webhook-receiver (standardwebhooks, the receiver side of Standard Webhooks) and
#     tests/clients/openapi-proxy (Prism, the validating proxy the OpenAPI replay test runs through) (npm ci)
#   - Debian's chromium (the browser playwright-core launches from /usr/bin/chromium)
ensure_commands node:nodejs npm:npm
[ -x /usr/bin/chromium ] || apt_install chromium
if [ ! -d "$ROOT/tests/clients/betterauth-client/node_modules/better-auth" ] || [ ! -d "$ROOT/tests/clients/betterauth-client/node_modules/@better-auth/api-key" ]; then
	log "installing the npm packages of tests/clients/betterauth-client (npm ci)"
	(cd "$ROOT/tests/clients/betterauth-client" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$ROOT/tests/clients/browser/node_modules/playwright-core" ]; then
	log "installing the npm packages of tests/clients/browser (npm ci)"
	(cd "$ROOT/tests/clients/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$ROOT/tests/clients/betterauth-passkey/node_modules/@better-auth/passkey" ]; then
	log "installing the npm packages of tests/clients/betterauth-passkey (npm ci)"
	(cd "$ROOT/tests/clients/betterauth-passkey" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$ROOT/tests/clients/webhook-receiver/node_modules/standardwebhooks" ]; then
	log "installing the npm packages of tests/clients/webhook-receiver (npm ci)"
	(cd "$ROOT/tests/clients/webhook-receiver" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$ROOT/tests/clients/openapi-proxy/node_modules/@stoplight/prism-cli" ]; then
	log "installing the npm packages of tests/clients/openapi-proxy (npm ci)"
	(cd "$ROOT/tests/clients/openapi-proxy" && npm ci --no-audit --no-fund --loglevel=error)
fi
