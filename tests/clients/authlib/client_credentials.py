"""Authlib (an OAuth client nobody here wrote) against the OAuth server: discovery, a client-credentials
token for a resource, introspection and revocation. Prints "ok ..." per check, "FAIL ..." on a miss, and
"all checks passed" last. Usage: client_credentials.py ISSUER CLIENT_ID CLIENT_SECRET RESOURCE [API_URL]
(API_URL: a resource server that must accept the token, e.g. samples/python-api's /protected)."""
import sys

import requests
from authlib.integrations.requests_client import OAuth2Session

issuer, client_id, client_secret, resource = sys.argv[1:5]
api_url = sys.argv[5] if len(sys.argv) > 5 else None
failures = 0


def check(name, condition, detail=""):
    global failures
    if condition:
        print(f"ok {name}")
    else:
        failures += 1
        print(f"FAIL {name} {detail}")


metadata = requests.get(f"{issuer}/.well-known/oauth-authorization-server", timeout=10).json()
check("discovery names the issuer", metadata.get("issuer") == issuer, metadata.get("issuer"))

session = OAuth2Session(client_id, client_secret, token_endpoint_auth_method="client_secret_basic")
token = session.fetch_token(metadata["token_endpoint"], grant_type="client_credentials", resource=resource)
check("client credentials token", token.get("token_type", "").lower() == "bearer" and token.get("access_token"), token)

introspection = session.introspect_token(metadata["introspection_endpoint"], token=token["access_token"]).json()
check("introspection: active", introspection.get("active") is True, introspection)
check("introspection: audience is the resource", resource in (introspection.get("aud") if isinstance(introspection.get("aud"), list) else [introspection.get("aud")]), introspection)

if api_url:
    answer = requests.get(api_url, headers={"authorization": f"Bearer {token['access_token']}"}, timeout=10)
    check("the resource server accepts the token", answer.status_code == 200, f"{answer.status_code} {answer.text}")

revocation = session.revoke_token(metadata["revocation_endpoint"], token=token["access_token"])
check("revocation", revocation.status_code == 200, revocation.status_code)
after = session.introspect_token(metadata["introspection_endpoint"], token=token["access_token"]).json()
check("introspection after revocation: inactive", after.get("active") is False, after)

if failures:
    sys.exit(1)
print("all checks passed")
