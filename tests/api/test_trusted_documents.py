"""Trusted documents: with a manifest configured, only registered operations run, except in
development and for the ad-hoc-queries role; a bad manifest stops the start."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from graph_service.auth.principal import PlatformRole
from graph_service.auth.tokens import mint_development_token
from graph_service.cli import main
from graph_service.clock import FixedClock
from graph_service.graphql.trusted_documents import (
    ManifestError,
    TrustedDocuments,
    document_hash,
)
from graph_service.settings import Settings
from graph_service.testing.service import running_service
from graph_service.testing.world import World

REGISTERED = "query Mine { myAccess { status } }"
AD_HOC = "query Other { myAccess { status rights } }"


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("trusted") / "documents.json"
    path.write_text(json.dumps({document_hash(REGISTERED): REGISTERED}))
    return path


@pytest.fixture(scope="module")
def trusted_url(settings: Settings, clock: FixedClock, manifest: Path) -> Iterator[str]:
    restricted = settings.model_copy(update={"trusted_documents": manifest})
    with running_service(restricted, clock=clock) as url:
        yield url


def _post(url: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(
        f"{url}/graphql", json=body, headers={"authorization": f"Bearer {token}"}, timeout=30
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def _hash_extension(digest: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def test_a_registered_document_runs_by_hash_or_by_text(
    trusted_url: str, settings: Settings, world: World
) -> None:
    token = mint_development_token(settings, world.staff["lincoln_office"])
    by_hash = _post(trusted_url, token, {"extensions": _hash_extension(document_hash(REGISTERED))})
    by_text = _post(trusted_url, token, {"query": REGISTERED})
    assert by_hash == by_text
    assert by_hash["data"]["myAccess"]["status"]


def test_an_ad_hoc_query_is_refused_before_it_runs(
    trusted_url: str, settings: Settings, world: World
) -> None:
    token = mint_development_token(settings, world.staff["lincoln_office"])
    body = _post(trusted_url, token, {"query": AD_HOC})
    assert "data" not in body or body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert "registered operations only" in error["message"]
    assert "ad-hoc-queries" in error["message"]


def test_the_ad_hoc_role_may_still_explore(
    trusted_url: str, settings: Settings, world: World
) -> None:
    token = mint_development_token(
        settings, world.staff["lincoln_office"], roles=[PlatformRole.AD_HOC_QUERIES]
    )
    body = _post(trusted_url, token, {"query": AD_HOC})
    assert "errors" not in body, body
    assert set(body["data"]["myAccess"]) == {"status", "rights"}


def test_unknown_hashes_and_mismatched_texts_are_refused(
    trusted_url: str, settings: Settings, world: World
) -> None:
    token = mint_development_token(settings, world.staff["lincoln_office"])
    unknown = _post(trusted_url, token, {"extensions": _hash_extension(document_hash(AD_HOC))})
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    mismatched = _post(
        trusted_url,
        token,
        {"query": AD_HOC, "extensions": _hash_extension(document_hash(REGISTERED))},
    )
    assert mismatched["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "extensions.persistedQuery.sha256Hash",
    }
    malformed = _post(trusted_url, token, {"extensions": _hash_extension("not-a-hash")})
    assert malformed["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_development_runs_ad_hoc_queries_beside_the_manifest(manifest: Path) -> None:
    documents = TrustedDocuments.load(manifest)
    assert documents.document_for(AD_HOC, None, ad_hoc=True) == AD_HOC


def test_apollo_manifests_load_and_a_wrong_hash_stops_the_start(tmp_path: Path) -> None:
    apollo = tmp_path / "apollo.json"
    operation = {"id": document_hash(REGISTERED), "name": "Mine", "type": "query"}
    apollo.write_text(
        json.dumps(
            {
                "format": "apollo-persisted-query-manifest",
                "version": 1,
                "operations": [{**operation, "body": REGISTERED}],
            }
        )
    )
    assert TrustedDocuments.load(apollo).by_hash == {document_hash(REGISTERED): REGISTERED}

    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({document_hash(AD_HOC): REGISTERED}))
    with pytest.raises(ManifestError, match="does not have that sha256"):
        TrustedDocuments.load(wrong)
    result = CliRunner().invoke(
        main, ["serve"], env={"GRAPH_SERVICE_TRUSTED_DOCUMENTS": str(wrong)}
    )
    assert result.exit_code == 1
    assert "does not have that sha256" in result.output
