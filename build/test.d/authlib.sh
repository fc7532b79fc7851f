# Setup for the Authlib client (tests/clients/authlib), run by the clients suite against the OAuth server:
# Debian's Authlib with requests for /usr/bin/python3. Sourced by build/test.sh; installs only what is missing.
if ! /usr/bin/python3 -c 'import authlib, requests' >/dev/null 2>&1; then
	apt_install python3-authlib python3-requests
fi
