"""A resource server that trusts AuthPlatform's JWTs, written as another team would: FastAPI + PyJWT.

Configured by environment (the same names as samples/dotnet-api):
  RS_ISSUER            AuthPlatform's issuer (iss), e.g. https://auth.example.com
  RS_AUDIENCE          the audience this API expects (comma list accepted)
  RS_JWKS_URL          optional: the key set (default {RS_ISSUER}/.well-known/jwks.json)
  RS_ALGORITHMS        the algorithms it accepts (default ES256; never none, never HS*)
  RS_LEEWAY_SECONDS    clock skew allowed on exp/nbf/iat (default 30)
  RS_JWKS_MAX_AGE_SECONDS    how long a fetched key set is used before it is fetched again (default 3600)
  RS_JWKS_MIN_REFRESH_SECONDS  at most one refetch per this many seconds for an unknown kid (default 60),
                       so a stream of forged kids cannot turn this API into a load generator for the JWKS
GET /protected answers {"sub", "sid"} for a valid token. Anything else is a 401 whose WWW-Authenticate
header names the precise reason (RFC 6750): error="invalid_token", error_description="expired", ...
Run: /usr/bin/python3 app.py --host 127.0.0.1 --port 5200 (Debian: python3-fastapi python3-uvicorn
python3-jwt python3-cryptography). See docs/verifying-tokens.md.
"""
import argparse
import os
import threading
import time

import jwt
import uvicorn
from fastapi import Depends, FastAPI, HTTPException, Request
from jwt import PyJWKClient

REALM = "python-api"


def _list(value):
    return [part.strip() for part in value.split(",") if part.strip()]


class Settings:
    def __init__(self, environ):
        missing = [name for name in ("RS_ISSUER", "RS_AUDIENCE") if not environ.get(name)]
        if missing:
            raise SystemExit("Set " + ", ".join(missing) + ".")
        self.issuer = environ["RS_ISSUER"].rstrip("/")
        self.audience = _list(environ["RS_AUDIENCE"])
        self.jwks_url = environ.get("RS_JWKS_URL") or self.issuer + "/.well-known/jwks.json"
        self.algorithms = _list(environ.get("RS_ALGORITHMS", "ES256"))
        bad = [a for a in self.algorithms if a.lower() == "none" or a.upper().startswith("HS")]
        if bad:
            raise SystemExit(f"RS_ALGORITHMS must not contain {', '.join(bad)}: AuthPlatform signs with public keys.")
        self.leeway = int(environ.get("RS_LEEWAY_SECONDS", "30"))
        self.max_age = int(environ.get("RS_JWKS_MAX_AGE_SECONDS", "3600"))
        self.min_refresh = float(environ.get("RS_JWKS_MIN_REFRESH_SECONDS", "60"))


class Refused(Exception):
    """A token this API does not accept, with the reason code the 401 carries."""

    def __init__(self, reason, status=401):
        super().__init__(reason)
        self.reason = reason
        self.status = status


class KeyCache:
    """The published keys by kid. PyJWKClient fetches and parses the JWKS; this keeps the result for
    max_age, refetches at once on a kid it does not know (a rotation), but at most once per min_refresh."""

    def __init__(self, settings):
        self._client = PyJWKClient(settings.jwks_url, cache_jwk_set=False)
        self._max_age = settings.max_age
        self._min_refresh = settings.min_refresh
        self._lock = threading.Lock()
        self._keys = {}
        self._fetched_at = float("-inf")

    def key_for(self, kid):
        if not kid:
            raise Refused("unknown_key")
        now = time.monotonic()
        with self._lock:
            stale = now - self._fetched_at > self._max_age
            key = None if stale else self._keys.get(kid)
            if key is None and (stale or now - self._fetched_at >= self._min_refresh):
                self._fetch(now)
                key = self._keys.get(kid)
        if key is None:
            raise Refused("unknown_key")
        return key

    def _fetch(self, now):
        try:
            keys = self._client.get_signing_keys(refresh=True)
        except jwt.PyJWKClientError as error:
            raise Refused("jwks_unavailable", status=503) from error
        self._keys = {k.key_id: k for k in keys}
        self._fetched_at = now


# Most specific first: InvalidSignatureError is a DecodeError, every one an InvalidTokenError.
_REASONS = [
    (jwt.ExpiredSignatureError, "expired"),
    (jwt.ImmatureSignatureError, "not_yet_valid"),
    (jwt.InvalidAudienceError, "wrong_audience"),
    (jwt.InvalidIssuerError, "wrong_issuer"),
    (jwt.MissingRequiredClaimError, "missing_claim"),
    (jwt.InvalidAlgorithmError, "algorithm_not_allowed"),
    (jwt.InvalidSignatureError, "bad_signature"),
    (jwt.DecodeError, "malformed"),
    (jwt.InvalidTokenError, "invalid_token"),
]


class Verifier:
    def __init__(self, settings, keys):
        self._settings = settings
        self._keys = keys

    def verify(self, token):
        s = self._settings
        try:
            header = jwt.get_unverified_header(token)
            # PyJWT checks neither typ nor (before decoding) alg: an access token must say what it is
            # (RFC 9068), and the alg is pinned before any key is looked up.
            if header.get("typ") != "at+jwt":
                raise Refused("wrong_type")
            if header.get("alg") not in s.algorithms:
                raise Refused("algorithm_not_allowed")
            key = self._keys.key_for(header.get("kid"))
            return jwt.decode(
                token, key.key, algorithms=s.algorithms, issuer=s.issuer, audience=s.audience,
                leeway=s.leeway, options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as error:
            raise Refused(next(reason for kind, reason in _REASONS if isinstance(error, kind))) from error


def create_app(settings):
    verifier = Verifier(settings, KeyCache(settings))
    app = FastAPI(title="Python resource server (AuthPlatform sample)")

    # A plain def: FastAPI runs it on its thread pool, so a JWKS fetch never blocks the event loop.
    def claims(request: Request):
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            # No credentials: a bare challenge, no error code (RFC 6750 3.1).
            raise HTTPException(401, detail={"error": "missing_token"}, headers={"WWW-Authenticate": f'Bearer realm="{REALM}"'})
        try:
            return verifier.verify(token.strip())
        except Refused as refused:
            if refused.status == 503:
                raise HTTPException(503, detail={"error": refused.reason}, headers={"Retry-After": "5"}) from None
            challenge = f'Bearer realm="{REALM}", error="invalid_token", error_description="{refused.reason}"'
            raise HTTPException(401, detail={"error": "invalid_token", "reason": refused.reason},
                                headers={"WWW-Authenticate": challenge}) from None

    @app.get("/protected")
    def protected(token_claims: dict = Depends(claims)):
        return {"sub": token_claims.get("sub"), "sid": token_claims.get("sid")}

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5200)
    args = parser.parse_args()
    uvicorn.run(create_app(Settings(os.environ)), host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
