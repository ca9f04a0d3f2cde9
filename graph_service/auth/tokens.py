"""Bearer JWTs: verified with the development secret (HS256) or a production JWKS."""

from __future__ import annotations

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


class TokenVerifier:
    """Turns an `Authorization` header into a Principal, or refuses with UNAUTHENTICATED.

    Every refusal says only "invalid token" to the caller: why a token failed helps an
    attacker more than a user, and the log keeps the reason.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._jwks = (
            jwt.PyJWKClient(settings.jwks_url, timeout=settings.jwks_timeout_seconds)
            if settings.jwks_url
            else None
        )

    async def authenticate(self, authorization: str | None) -> Principal:
        """`principal_from_header` for the event loop: with a JWKS, the key is looked up in a
        worker thread (a fetch is blocking HTTP), so a slow key endpoint delays only the
        requests that wait for a key, each at most the JWKS timeout."""
        if self._jwks is None:
            return self.principal_from_header(authorization)  # HS256: microseconds
        return await to_thread.run_sync(self.principal_from_header, authorization)

    def principal_from_header(self, authorization: str | None) -> Principal:
        if not authorization:
            raise Unauthenticated("a bearer token is required (Authorization: Bearer <token>)")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated("the Authorization header must be 'Bearer <token>'")
        return self.principal_from_token(token.strip())

    def principal_from_token(self, token: str) -> Principal:
        try:
            claims = self._decode(token)
        except (jwt.PyJWTError, ValueError) as error:
            raise Unauthenticated("invalid or expired token") from error
        return _principal(claims)

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
