"""Trusted documents: a deployment may run only the operations its clients registered.

Public GraphQL APIs close the door on arbitrary queries this way: each client registers the
documents it sends (a manifest of sha256 -> document text, built when the client is built),
and the server runs a request only when its document is one of them. A request names its
document by hash the way Apollo's persisted queries do (`extensions.persistedQuery
.sha256Hash`, the query text optional) or simply sends a registered text. Anything else is an
ad-hoc query, allowed in development and otherwise only for callers with the `ad-hoc-queries`
platform role (a support engineer's explorer session).

The manifest is a JSON file, either a plain object `{"<sha256 hex>": "<document>", ...}` or
Apollo's persisted query manifest (`{"format": "apollo-persisted-query-manifest", "version": 1,
"operations": [{"id": "<sha256 hex>", "body": "<document>", ...}]}`). Every hash is checked
against its document when the service starts; a mismatch stops the start.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph_service.auth.principal import PlatformRole, Principal
from graph_service.errors import BadInput, Forbidden, NotFound

HASH_FIELD = "extensions.persistedQuery.sha256Hash"


class ManifestError(ValueError):
    """The trusted-documents file cannot be used (the service does not start)."""


def document_hash(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


@dataclass(frozen=True)
class TrustedDocuments:
    """The registered documents by the sha256 (lowercase hex) of their exact text."""

    by_hash: Mapping[str, str]

    @classmethod
    def load(cls, path: Path) -> TrustedDocuments:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise ManifestError(f"trusted documents file {path}: {error}") from None
        entries = _entries(raw, path)
        by_hash = {}
        for key, document in entries:
            digest = key.lower().removeprefix("sha256:")
            if document_hash(document) != digest:
                raise ManifestError(
                    f"trusted documents file {path}: the document registered as {key} does "
                    "not have that sha256 (rebuild the manifest from the client's documents)"
                )
            by_hash[digest] = document
        return cls(by_hash)

    def document_for(
        self, query: str | None, extensions: Mapping[str, Any] | None, *, ad_hoc: bool
    ) -> str:
        """The document this request may run, or a ServiceError saying why it may not."""
        requested = _requested_hash(extensions)
        if requested is not None:
            document = self.by_hash.get(requested.lower())
            if document is None:
                raise NotFound("Registered operation", requested)
            if query is not None and query != document:
                raise BadInput(HASH_FIELD, "the query text is not the registered document")
            return document
        if query is not None and (ad_hoc or document_hash(query) in self.by_hash):
            return query
        raise Forbidden(
            "this service runs registered operations only (trusted documents): send the "
            f"document's sha256 in `{HASH_FIELD}`, or ask an administrator for the "
            f'"{PlatformRole.AD_HOC_QUERIES.value}" role to run ad-hoc queries'
        )


def may_run_ad_hoc(principal: Principal | None, *, development: bool) -> bool:
    """Ad-hoc queries run in development, and elsewhere (production, and the test settings
    that stand in for it) only for the ad-hoc-queries role."""
    return development or (
        principal is not None and principal.has_role(PlatformRole.AD_HOC_QUERIES)
    )


def _entries(raw: Any, path: Path) -> list[tuple[str, str]]:
    if isinstance(raw, dict) and raw.get("format") == "apollo-persisted-query-manifest":
        operations = raw.get("operations")
        if isinstance(operations, list) and all(
            isinstance(op, dict)
            and isinstance(op.get("id"), str)
            and isinstance(op.get("body"), str)
            for op in operations
        ):
            return [(op["id"], op["body"]) for op in operations]
    elif isinstance(raw, dict) and all(
        isinstance(key, str) and isinstance(value, str) for key, value in raw.items()
    ):
        return list(raw.items())
    raise ManifestError(
        f"trusted documents file {path}: expected an object of sha256 -> document, or an "
        "Apollo persisted query manifest"
    )


def _requested_hash(extensions: Mapping[str, Any] | None) -> str | None:
    persisted = (extensions or {}).get("persistedQuery")
    if persisted is None:
        return None
    digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    if not isinstance(digest, str) or len(digest) != 64:
        raise BadInput(HASH_FIELD, "must be the document's sha256 as 64 hexadecimal digits")
    return digest
