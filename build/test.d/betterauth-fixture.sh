# Sourced by build/test.sh. The import tests build a BetterAuth database with BetterAuth itself
# (tests/betterauth-fixture): they need Node.js and that folder's npm packages. Idempotent.
ensure_commands node:nodejs npm:npm
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
	log "warning: Node.js $(node -v) found; tests/betterauth-fixture (better-auth 1.7) expects Node.js 20 or newer"
fi
if [ ! -d "$ROOT/tests/betterauth-fixture/node_modules/better-auth" ] || [ ! -d "$ROOT/tests/betterauth-fixture/node_modules/pg" ]; then
	log "installing the BetterAuth fixture's npm packages"
	(cd "$ROOT/tests/betterauth-fixture" && npm ci --no-audit --no-fund --loglevel=error)
fi
