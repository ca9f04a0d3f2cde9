"""Keyset pagination: opaque cursors over a stable sort key, and the page they return."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Generic, TypeVar

from pydantic import BaseModel

from graph_service.errors import BadInput

MAX_PAGE_SIZE = 100
T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of results; pass `next_cursor` as `after` to get the next (None: no more)."""

    items: list[T]
    next_cursor: str | None = None


def encode_cursor(key: list[str]) -> str:
    """The sort key of the last item, opaque to callers."""
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def decode_cursor(cursor: str | None, size: int) -> list[str]:
    """The sort key a cursor carries (empty strings sort first when there is no cursor)."""
    if cursor is None:
        return [""] * size
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadInput("after", "is not a cursor this search returned") from None
    if not (isinstance(key, list) and len(key) == size and all(isinstance(k, str) for k in key)):
        raise BadInput("after", "is not a cursor this search returned")
    return key


def page_limit(first: int) -> int:
    """The page size asked for, refused outside 1..MAX_PAGE_SIZE."""
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise BadInput("first", f"must be between 1 and {MAX_PAGE_SIZE}")
    return first
