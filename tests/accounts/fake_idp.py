"""A fake OpenID Connect identity provider, served on 127.0.0.1 for the length of a test.

It approves every sign-in at once (no login form) as `person`, and speaks just enough of the
authorization code flow with PKCE for allauth's generic OpenID Connect provider:

    /.well-known/openid-configuration   discovery
    /authorize                          redirects back to redirect_uri with a code and the state
    /token                              code + client secret + PKCE verifier -> signed ID token
    /userinfo                           the person's claims, for the access token
    /jwks                               the public half of the signing key

Tests make it misbehave through its attributes (`id_token_key`, `id_token_audience`,
`id_token_lifetime`) and read what it was asked in `token_requests`, as they read mail.outbox.
"""

import base64
import hashlib
import json
import secrets
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.fake_services import BackgroundHTTPService

CLIENT_ID = "leerplatform"
CLIENT_SECRET = "fake-idp-client-secret"
KEY_ID = "fake-idp-key-1"


def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pkce_challenge(verifier):
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass
class Grant:
    """What /authorize handed out with a code, for /token to check against."""

    redirect_uri: str
    code_challenge: str
    nonce: str | None
    claims: dict


class FakeIdentityProvider(BackgroundHTTPService):
    def __init__(self):
        self.key = rsa_key()
        self.person = {
            "sub": "gent-0001",
            "email": "an.peeters@gent.example",
            "email_verified": True,
            "given_name": "An",
            "family_name": "Peeters",
        }
        # Misbehaviour: sign with another key, address the token to another client, or make it
        # expire before it is issued.
        self.id_token_key = self.key
        self.id_token_audience = CLIENT_ID
        self.id_token_lifetime = 300
        self.token_requests = []
        self._grants = {}
        self._access_tokens = {}
        super().__init__(_Handler)

    @property
    def issuer(self):
        return self.base_url

    def configuration(self):
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self):
        public_jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public_jwk, "kid": KEY_ID, "use": "sig", "alg": "RS256"}]}

    def authorize(self, query):
        """The redirect back to the client, or None when the request is not one we honour."""
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return None
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return None
        code = secrets.token_urlsafe(16)
        self._grants[code] = Grant(
            redirect_uri=query["redirect_uri"],
            code_challenge=query["code_challenge"],
            nonce=query.get("nonce"),
            claims=dict(self.person),
        )
        return f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"

    def token(self, form):
        """(status, body) of the token endpoint for the posted `form`."""
        self.token_requests.append(form)
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client"}
        grant = self._grants.pop(form.get("code"), None)  # a code is good for one exchange
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("redirect_uri") != grant.redirect_uri
            or pkce_challenge(form.get("code_verifier", "")) != grant.code_challenge
        ):
            return 400, {"error": "invalid_grant"}
        access_token = secrets.token_urlsafe(24)
        self._access_tokens[access_token] = grant.claims
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self.id_token(grant),
        }

    def id_token(self, grant):
        now = int(time.time())
        claims = {
            **grant.claims,
            "iss": self.issuer,
            "aud": self.id_token_audience,
            "iat": now,
            "exp": now + self.id_token_lifetime,
        }
        if grant.nonce:
            claims["nonce"] = grant.nonce
        return jwt.encode(claims, self.id_token_key, algorithm="RS256", headers={"kid": KEY_ID})

    def userinfo(self, authorization):
        return self._access_tokens.get(authorization.removeprefix("Bearer "))


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        idp = self.server.service
        url = urlsplit(self.path)
        if url.path == "/.well-known/openid-configuration":
            self._json(200, idp.configuration())
        elif url.path == "/jwks":
            self._json(200, idp.jwks())
        elif url.path == "/authorize":
            query = {name: values[0] for name, values in parse_qs(url.query).items()}
            redirect = idp.authorize(query)
            if redirect is None:
                self._json(400, {"error": "invalid_request"})
            else:
                self.send_response(302)
                self.send_header("Location", redirect)
                self.end_headers()
        elif url.path == "/userinfo":
            claims = idp.userinfo(self.headers.get("Authorization", ""))
            if claims is None:
                self._json(401, {"error": "invalid_token"})
            else:
                self._json(200, claims)
        else:
            self._json(404, {"error": "not_found"})

    def do_POST(self):
        if urlsplit(self.path).path != "/token":
            self._json(404, {"error": "not_found"})
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        form = {name: values[0] for name, values in parse_qs(body).items()}
        self._json(*self.server.service.token(form))

    def _json(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):  # noqa: A002 (the base class's signature)
        pass  # keep the test output quiet
