# Sourced by build/test.sh. The mail tests deliver over real SMTP to MailDev (npm), which each test
# fixture starts on free loopback ports. Idempotent: installs only what is missing.
ensure_commands node:nodejs npm:npm
if [ ! -f "$ROOT/tests/maildev/node_modules/maildev/dist/bin/maildev.js" ]; then
	log "installing MailDev (npm ci in tests/maildev)"
	(cd "$ROOT/tests/maildev" && npm ci --no-audit --no-fund --loglevel=error)
fi
