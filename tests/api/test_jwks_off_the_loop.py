"""A slow key endpoint delays only the requests waiting for a key: the JWKS is fetched off
the event loop, and a fetch that does not answer in time is UNAUTHENTICATED."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from graph_service.clock import FixedClock
from graph_service.settings import Settings
from graph_service.testing.service import running_service
from graph_service.testing.world import World

ACCESS = "{ myAccess { status } }"


@dataclass
class SlowIssuer:
    """A JWKS endpoint on loopback that answers only once `release` is set."""

    url: str
    key: rsa.RSAPrivateKey
    asked: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def token(self, subject: str, settings: Settings) -> str:
        now = datetime.now(UTC)
        claims = {
            "sub": subject, "roles": [], "iat": now, "exp": now + timedelta(minutes=10),
            "iss": settings.jwt_issuer, "aud": settings.jwt_audience,
        }  # fmt: skip
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": "k1"})


@pytest.fixture
def slow_issuer() -> Iterator[SlowIssuer]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    body = json.dumps({"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()
    issuer: SlowIssuer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            issuer.asked.set()
            issuer.release.wait(timeout=60)
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    issuer = SlowIssuer(f"http://127.0.0.1:{server.server_port}/jwks.json", key)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield issuer
    issuer.release.set()
    server.shutdown()
    server.server_close()


def _post(url: str, query: str, token: str | None = None) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(f"{url}/graphql", json={"query": query}, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_a_slow_key_endpoint_does_not_hold_other_requests(
    slow_issuer: SlowIssuer, settings: Settings, clock: FixedClock, world: World
) -> None:
    with_jwks = settings.model_copy(update={"jwks_url": slow_issuer.url})
    token = slow_issuer.token(world.staff["lincoln_office"], with_jwks)
    with running_service(with_jwks, clock=clock) as url, ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(_post, url, ACCESS, token)
        assert slow_issuer.asked.wait(timeout=20), "the service never asked for the keys"

        # The key endpoint has not answered: the service still serves everyone else.
        assert httpx.get(f"{url}/healthz", timeout=5).json() == {"status": "ok"}
        anonymous = _post(url, "{ service { name } }")
        assert anonymous["data"]["service"]["name"]
        assert not waiting.done()

        slow_issuer.release.set()
        assert waiting.result(timeout=30)["data"]["myAccess"]["status"] == "active"


def test_a_key_endpoint_that_never_answers_is_unauthenticated(
    slow_issuer: SlowIssuer, settings: Settings, clock: FixedClock, world: World
) -> None:
    with_jwks = settings.model_copy(
        update={"jwks_url": slow_issuer.url, "jwks_timeout_seconds": 0.5}
    )
    token = slow_issuer.token(world.staff["lincoln_office"], with_jwks)
    with running_service(with_jwks, clock=clock) as url:
        body = _post(url, ACCESS, token)
    assert [error["extensions"]["code"] for error in body["errors"]] == ["UNAUTHENTICATED"]
