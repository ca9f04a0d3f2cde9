"""Bearer tokens: what is accepted, and that everything else is UNAUTHENTICATED."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from graph_service.auth import tokens
from graph_service.auth.principal import PlatformRole, Principal
from graph_service.auth.tokens import TokenVerifier, mint_development_token
from graph_service.errors import Unauthenticated
from graph_service.settings import Settings

DEV = Settings.model_validate({"env": "test"})


def test_development_token_round_trip() -> None:
    token = mint_development_token(DEV, "E1001", roles=[PlatformRole.ACCESS_ADMIN])
    principal = TokenVerifier(DEV).principal_from_header(f"Bearer {token}")
    assert principal == Principal(employee_id="E1001", roles=frozenset({PlatformRole.ACCESS_ADMIN}))


def test_unknown_roles_are_ignored() -> None:
    claims = _claims(roles=["access-admin", "superuser"])
    token = jwt.encode(claims, DEV.jwt_secret.get_secret_value(), algorithm="HS256")
    assert TokenVerifier(DEV).principal_from_token(token).roles == {PlatformRole.ACCESS_ADMIN}


def _claims(**overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": "E1001",
        "iat": now,
        "exp": now + timedelta(hours=1),
        "iss": DEV.jwt_issuer,
        "aud": DEV.jwt_audience,
        "roles": [],
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def _hs256(claims: dict[str, Any], secret: str | None = None) -> str:
    return jwt.encode(claims, secret or DEV.jwt_secret.get_secret_value(), algorithm="HS256")


@pytest.mark.parametrize(
    ("header", "case"),
    [
        (None, "missing"),
        ("", "empty"),
        ("Basic dXNlcjpwYXNz", "wrong scheme"),
        ("Bearer ", "no token"),
        ("Bearer not-a-jwt", "malformed"),
        (f"Bearer {_hs256(_claims(exp=datetime.now(UTC) - timedelta(minutes=5)))}", "expired"),
        (f"Bearer {_hs256(_claims(), secret='another-secret-entirely-32-bytes')}", "wrong key"),
        (f"Bearer {_hs256(_claims(aud='someone-else'))}", "wrong audience"),
        (f"Bearer {_hs256(_claims(iss='someone-else'))}", "wrong issuer"),
        (f"Bearer {_hs256(_claims(sub=None))}", "no subject"),
        (f"Bearer {_hs256(_claims(sub='  '))}", "blank subject"),
        (f"Bearer {_hs256(_claims(roles='access-admin'))}", "roles not a list"),
        (
            "Bearer " + jwt.encode(_claims(), key="", algorithm="none"),
            "unsigned",
        ),
    ],
)
def test_bad_tokens_are_unauthenticated(header: str | None, case: str) -> None:
    with pytest.raises(Unauthenticated):
        TokenVerifier(DEV).principal_from_header(header)


def test_minting_is_refused_with_production_settings() -> None:
    production = Settings.model_validate(
        {
            "env": "production",
            "neo4j_uri": "neo4j+s://db.example.org",
            "neo4j_password": "a-real-secret",
            "jwks_url": "https://login.example.org/jwks.json",
        }
    )
    with pytest.raises(ValueError, match="production"):
        mint_development_token(production, "E1001")


@pytest.fixture(scope="module")
def jwks_issuer() -> Iterator[tuple[str, rsa.RSAPrivateKey]]:
    """A real JWKS endpoint on loopback, as an identity provider would publish it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    body = json.dumps({"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/jwks.json", key
    server.shutdown()
    server.server_close()


def test_production_verifies_against_the_jwks(jwks_issuer: tuple[str, rsa.RSAPrivateKey]) -> None:
    url, key = jwks_issuer
    production = Settings.model_validate(
        {
            "env": "production",
            "neo4j_uri": "neo4j+s://db.example.org",
            "neo4j_password": "a-real-secret",
            "jwks_url": url,
        }
    )
    verifier = TokenVerifier(production)
    good = jwt.encode(
        _claims(roles=["integration-feed"]), key, algorithm="RS256", headers={"kid": "k1"}
    )
    principal = verifier.principal_from_header(f"Bearer {good}")
    assert principal.roles == {PlatformRole.INTEGRATION_FEED}

    # The development secret no longer opens anything.
    with pytest.raises(Unauthenticated):
        verifier.principal_from_token(_hs256(_claims()))
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(_claims(), other, algorithm="RS256", headers={"kid": "k1"})
    with pytest.raises(Unauthenticated):
        verifier.principal_from_token(forged)


class _Clock:
    """Epoch seconds that a test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).timestamp()

    def __call__(self) -> float:
        return self.now


def test_a_remembered_token_is_refused_once_it_expires() -> None:
    clock = _Clock()
    verifier = TokenVerifier(DEV, clock=clock)
    token = mint_development_token(DEV, "E1001", lifetime=timedelta(minutes=2))
    assert verifier.principal_from_token(token).employee_id == "E1001"
    clock.now += 120 + 29  # within the leeway for clock skew: still the remembered answer
    assert verifier.principal_from_token(token).employee_id == "E1001"
    clock.now += 2  # past `exp` and the leeway, though PyJWT's own clock would still accept it
    with pytest.raises(Unauthenticated):
        verifier.principal_from_token(token)


def test_a_remembered_token_is_verified_again_after_a_while(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = _Clock()
    verifier = TokenVerifier(DEV, clock=clock)
    token = mint_development_token(DEV, "E1001")
    verifier.principal_from_token(token)
    decoded: list[str] = []
    real_decode = verifier._decode

    def decode(token: str) -> dict[str, Any]:
        decoded.append(token)
        return real_decode(token)

    monkeypatch.setattr(verifier, "_decode", decode)
    verifier.principal_from_token(token)
    assert decoded == []  # remembered
    clock.now += tokens.REVERIFY_SECONDS
    verifier.principal_from_token(token)
    assert decoded == [token]


def test_only_verified_tokens_are_remembered_and_only_so_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tokens, "VERIFIED_TOKENS", 3)
    verifier = TokenVerifier(DEV)
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            verifier.principal_from_token(
                _hs256(_claims(), secret="not-the-secret-but-just-as-long-as-one")
            )
    assert verifier._verified == {}
    for n in range(5):
        verifier.principal_from_token(mint_development_token(DEV, f"E{n}"))
    assert [v.principal.employee_id for v in verifier._verified.values()] == ["E2", "E3", "E4"]
