"""Verifies JWTs as a Python resource server would, with PyJWT's PyJWKClient.

Reads JSON on stdin:
  {"jwksUrl": "...", "issuer": "...", "audience": ["..."], "algorithms": ["ES256"],
   "tokens": [{"name": "a", "token": "eyJ...", "algorithms": ["EdDSA"]}]}
Prints one JSON line per token: {"name", "ok", "code", "sub", "sid"}.
Exits 0 when every token was checked (valid or not), 2 on bad input.
Run with Debian's interpreter (/usr/bin/python3) and its python3-jwt + python3-cryptography.
"""
import json
import sys

import jwt
from jwt import PyJWKClient


def verify(client, token, issuer, audience, algorithms):
    header = jwt.get_unverified_header(token)
    # PyJWT does not check "typ"; an access token must say what it is (RFC 9068, RFC 8725 3.11).
    if header.get("typ") != "at+jwt":
        raise jwt.InvalidTokenError("typ is not at+jwt")
    if header.get("alg") not in algorithms:
        raise jwt.InvalidAlgorithmError("alg is not allowed")
    signing_key = client.get_signing_key_from_jwt(token)
    return jwt.decode(
        token,
        signing_key.key,
        algorithms=algorithms,
        audience=audience,
        issuer=issuer,
        leeway=30,
        options={"require": ["exp", "iat", "iss", "aud", "sub"]},
    )


def main():
    try:
        request = json.load(sys.stdin)
    except ValueError as error:
        print(f"bad input: {error}", file=sys.stderr)
        return 2

    client = PyJWKClient(request["jwksUrl"], cache_keys=True)
    for item in request["tokens"]:
        algorithms = item.get("algorithms") or request["algorithms"]
        try:
            claims = verify(client, item["token"], request["issuer"], request["audience"], algorithms)
            print(json.dumps({"name": item["name"], "ok": True, "sub": claims.get("sub"), "sid": claims.get("sid")}))
        except Exception as error:  # every failure is an answer here, reported with its type
            print(json.dumps({"name": item["name"], "ok": False, "code": type(error).__name__, "message": str(error)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
