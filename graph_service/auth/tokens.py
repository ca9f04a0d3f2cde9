"""Bearer JWTs: verified with the development secret (HS256) or a production JWKS."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from anyio import to_thread

from graph_service.auth.principal import PlatformRole, Principal
from graph_service.errors import Unauthenticated
from graph_service.settings import Settings
from graph_service.text import has_lone_surrogate

DEV_ALGORITHM = "HS256"
JWKS_ALGORITHMS = ["RS256", "ES256", "PS256"]
REQUIRED_CLAIMS = ["sub", "exp", "iat"]
_LEEWAY = timedelta(seconds=30)  # clock skew between the issuer and us
# A client sends the same token with every request until it expires, and verifying it (HMAC
# or a public-key signature, claims, and with a JWKS a hop to a worker thread) cost more
# than the rest of a request's authentication: a verified token is remembered for at most
# REVERIFY_SECONDS and never past its expiry. Only verified tokens are remembered, so a flood
# of made-up tokens cannot fill the memory; the oldest go first past VERIFIED_TOKENS.
VERIFIED_TOKENS = 4096
REVERIFY_SECONDS = 300.0


@dataclass(frozen=True)
class _Verified:
    principal: Principal
    expires_at: float  # epoch seconds: the claim `exp` plus the leeway, as PyJWT applies it
    reverify_at: float


class TokenVerifier:
    """Turns an `Authorization` header into a Principal, or refuses with UNAUTHENTICATED.

    Every refusal says only "invalid token" to the caller: why a token failed helps an
    attacker more than a user, and the log keeps the reason.
    """

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.time) -> None:
        self._settings = settings
        self._clock = clock
        self._verified: OrderedDict[str, _Verified] = OrderedDict()
        # With a JWKS, tokens are verified in worker threads as well as on the event loop.
        self._lock = threading.Lock()
        self._jwks = (
            jwt.PyJWKClient(settings.jwks_url, timeout=settings.jwks_timeout_seconds)
            if settings.jwks_url
            else None
        )

    async def authenticate(self, authorization: str | None) -> Principal:
        """`principal_from_header` for the event loop: with a JWKS, the key is looked up in a
        worker thread (a fetch is blocking HTTP), so a slow key endpoint delays only the
        requests that wait for a key, each at most the JWKS timeout."""
        if self._jwks is None or self._remembered(authorization) is not None:
            return self.principal_from_header(authorization)  # no fetch can happen
        return await to_thread.run_sync(self.principal_from_header, authorization)

    def principal_from_header(self, authorization: str | None) -> Principal:
        if not authorization:
            raise Unauthenticated("a bearer token is required (Authorization: Bearer <token>)")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated("the Authorization header must be 'Bearer <token>'")
        return self.principal_from_token(token.strip())

    def principal_from_token(self, token: str) -> Principal:
        now = self._clock()
        verified = self._verified.get(token)
        if verified is not None:
            if now >= verified.expires_at:
                with self._lock:
                    self._verified.pop(token, None)
                raise Unauthenticated("invalid or expired token")
            if now < verified.reverify_at:
                return verified.principal
        try:
            claims = self._decode(token)
        except (jwt.PyJWTError, ValueError) as error:
            with self._lock:
                self._verified.pop(token, None)
            raise Unauthenticated("invalid or expired token") from error
        principal = _principal(claims)
        self._remember(token, principal, claims["exp"], now)
        return principal

    def _remembered(self, authorization: str | None) -> Principal | None:
        _, _, token = (authorization or "").partition(" ")
        verified = self._verified.get(token.strip())
        if verified is None or not self._clock() < min(verified.expires_at, verified.reverify_at):
            return None
        return verified.principal

    def _remember(self, token: str, principal: Principal, exp: object, now: float) -> None:
        if not isinstance(exp, int | float):
            return  # PyJWT checked it is a number; anything else is not worth keeping
        expires_at = float(exp) + _LEEWAY.total_seconds()
        with self._lock:
            self._verified[token] = _Verified(principal, expires_at, now + REVERIFY_SECONDS)
            self._verified.move_to_end(token)
            while len(self._verified) > VERIFIED_TOKENS:
                self._verified.popitem(last=False)

    def _decode(self, token: str) -> dict[str, Any]:
        options = {"require": REQUIRED_CLAIMS}
        common: dict[str, Any] = {
            "audience": self._settings.jwt_audience,
            "issuer": self._settings.jwt_issuer,
            "leeway": _LEEWAY,
            "options": options,
        }
        key: Any
        if self._jwks is not None:
            key, algorithms = self._jwks.get_signing_key_from_jwt(token).key, JWKS_ALGORITHMS
        else:
            key, algorithms = self._settings.jwt_secret.get_secret_value(), [DEV_ALGORITHM]
        claims: dict[str, Any] = jwt.decode(token, key, algorithms=algorithms, **common)
        return claims


def _principal(claims: dict[str, Any]) -> Principal:
    subject = claims.get("sub")
    # A lone surrogate (a `\ud800` escape in the claims) is no employee id any store holds.
    if not isinstance(subject, str) or not subject.strip() or has_lone_surrogate(subject):
        raise Unauthenticated("invalid or expired token")
    raw_roles = claims.get("roles", [])
    if not isinstance(raw_roles, list):
        raise Unauthenticated("invalid or expired token")
    known = {role.value for role in PlatformRole}
    # Roles this service doesn't know are ignored rather than refused: issuers share tokens.
    roles = frozenset(PlatformRole(role) for role in raw_roles if role in known)
    return Principal(employee_id=subject.strip(), roles=roles)


def mint_development_token(
    settings: Settings,
    employee_id: str,
    *,
    roles: list[PlatformRole] | None = None,
    lifetime: timedelta = timedelta(hours=8),
    now: datetime | None = None,
) -> str:
    """An HS256 token signed with the configured secret; refused in production."""
    if settings.is_production:
        raise ValueError("development tokens cannot be minted with production settings")
    issued = now or datetime.now(UTC)
    claims = {
        "sub": employee_id,
        "roles": [role.value for role in roles or []],
        "iat": issued,
        "exp": issued + lifetime,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
    }
    return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm=DEV_ALGORITHM)
