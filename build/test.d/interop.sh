# Setup for the interop suite (tests/AuthPlatform.Interop.Tests): the verifiers other services use.
# Sourced by build/test.sh; idempotent: installs only what is missing.
#   - Node.js + npm, and jose from tests/interop/node/package-lock.json (npm ci, into that folder)
#   - Debian's python3-jwt and python3-cryptography for /usr/bin/python3 (PyJWT's PyJWKClient)
ensure_commands node:nodejs npm:npm
if ! /usr/bin/python3 -c 'import jwt, cryptography' >/dev/null 2>&1; then
	apt_install python3-jwt python3-cryptography
fi
if [ ! -d "$ROOT/tests/interop/node/node_modules/jose" ]; then
	log "installing the node interop packages (npm ci)"
	(cd "$ROOT/tests/interop/node" && npm ci --no-audit --no-fund >/dev/null)
fi
