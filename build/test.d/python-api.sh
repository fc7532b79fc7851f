# Setup for the Python resource-server sample (samples/python-api), started by the interop suite:
# Debian's FastAPI, uvicorn and PyJWT (with cryptography) for /usr/bin/python3. Sourced by build/test.sh;
# idempotent: installs only what is missing.
if ! /usr/bin/python3 -c 'import fastapi, uvicorn, jwt, cryptography' >/dev/null 2>&1; then
	apt_install python3-fastapi python3-uvicorn python3-jwt python3-cryptography
fi
