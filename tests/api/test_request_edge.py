"""The request body is refused at the edge, GraphQL-shaped, before it costs anything: too
large (before it is read whole), too deeply nested, or carrying text no field could hold."""

from __future__ import annotations

import json
import socket
import time
from typing import Any
from urllib.parse import urlsplit

import httpx
import jwt
import pytest

from graph_service.settings import Settings
from tests.api.conftest import GraphQLClient

SERVICE = "{ service { name } }"


def _refusal(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    return dict(error)


def _raw_exchange(service_url: str, head: bytes, body: bytes) -> bytes:
    """Sends a request's head and only part of its body, then reads what the service answers
    (a refusal must come without the rest of the body)."""
    where = urlsplit(service_url)
    with socket.create_connection((where.hostname, where.port), timeout=20) as connection:
        connection.sendall(head + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_read(
    service_url: str, settings: Settings
) -> None:
    head = (
        b"POST /graphql HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\n"
        b"content-length: 50000000\r\n\r\n"
    )
    answer = _raw_exchange(service_url, head, b'{"query": "')
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit(
    service_url: str, settings: Settings
) -> None:
    head = (
        b"POST /graphql HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\n"
        b"transfer-encoding: chunked\r\n\r\n"
    )
    piece = b"x" * 65536
    chunks = b"".join(
        b"%x\r\n%s\r\n" % (len(piece), piece)
        for _ in range(settings.max_body_bytes // len(piece) + 2)
    )
    # The terminating chunk is never sent: the answer comes from the bytes counted so far.
    answer = _raw_exchange(service_url, head, chunks)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_body_over_the_limit_answers_a_graphql_error_naming_the_limit(
    http: httpx.Client, settings: Settings
) -> None:
    padding = "x" * settings.max_body_bytes
    response = http.post("/graphql", json={"query": SERVICE, "variables": {"pad": padding}})
    error = _refusal(response, 413)
    assert str(settings.max_body_bytes) in error["message"]
    assert "GRAPH_SERVICE_MAX_BODY_BYTES" in error["message"]


def test_a_large_body_within_the_limit_is_answered(http: httpx.Client, settings: Settings) -> None:
    variables = {"pad": ["x" * 100] * (settings.max_body_bytes // 120)}
    response = http.post("/graphql", json={"query": SERVICE, "variables": variables})
    assert response.status_code == 200, response.text[:300]
    assert response.json()["data"]["service"]["name"]


@pytest.mark.parametrize(
    ("part", "depth", "said"),
    [
        ("variables", 100_000, "JSON objects and arrays"),  # counted before decoding
        ("extensions", 100_000, "JSON objects and arrays"),
        ("variables", 40, "nests deeper than 32"),
    ],
)
def test_deeply_nested_json_is_refused_not_a_server_error(
    http: httpx.Client, part: str, depth: int, said: str
) -> None:
    body = f'{{"query": "{SERVICE}", "{part}": {{"x": {"[" * depth}{"]" * depth}}}}}'
    response = http.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert said in _refusal(response, 400)["message"]


def test_json_that_is_not_json_is_refused_with_a_graphql_error(http: httpx.Client) -> None:
    response = http.post(
        "/graphql", content=b'{"query": ', headers={"content-type": "application/json"}
    )
    assert "not valid JSON" in _refusal(response, 400)["message"]


def test_a_body_that_is_not_utf8_is_refused(http: httpx.Client) -> None:
    response = http.post(
        "/graphql", content=b'{"query": "\xff"}', headers={"content-type": "application/json"}
    )
    assert "UTF-8" in _refusal(response, 400)["message"]


LONE = "\\ud800"  # a JSON escape of a lone high surrogate, as the attack sent it


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (f'{{"query": "{{ household(id: \\"{LONE}\\") {{ id }} }}"}}', "query"),
        (f'{{"query": "{SERVICE}", "operationName": "{LONE}"}}', "operationName"),
        (
            f'{{"query": "{SERVICE}", "variables": {{"input": {{"members": '
            f'[{{"firstName": "Ana"}}, {{"firstName": "Ana{LONE}"}}]}}}}}}',
            "variables.input.members[1].firstName",
        ),
        (f'{{"query": "{SERVICE}", "extensions": {{"trace{LONE}": 1}}}}', "extensions.trace"),
    ],
)
def test_a_lone_surrogate_is_refused_at_the_edge_naming_where(
    http: httpx.Client, body: str, field: str
) -> None:
    response = http.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    error = _refusal(response, 400)
    assert error["extensions"]["field"].startswith(field), error
    assert "surrogate" in error["message"]


def test_a_surrogate_pair_is_text_like_any_other(http: httpx.Client) -> None:
    body = f'{{"query": "{SERVICE}", "variables": {{"emoji": "\\ud83d\\ude00"}}}}'
    response = http.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["data"]["service"]["name"]


def test_a_token_whose_subject_is_a_lone_surrogate_is_unauthenticated(
    http: httpx.Client, settings: Settings
) -> None:
    now = int(time.time())
    claims = {
        "sub": "E\ud800",
        "roles": [],
        "iat": now,
        "exp": now + 600,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
    }
    token = jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm="HS256")
    assert "\\ud800" in json.dumps(claims)  # the claim travels as the escape
    body = GraphQLClient(http, token).post("{ myAccess { status } }")
    assert [error["extensions"]["code"] for error in body["errors"]] == ["UNAUTHENTICATED"]
