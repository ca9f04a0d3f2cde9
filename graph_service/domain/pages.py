"""Keyset pagination: opaque cursors over a stable sort key, and the page they return."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Generic, TypeVar

from pydantic import BaseModel

from graph_service.errors import BadInput

MAX_PAGE_SIZE = 100
# The longest cursor we hand out (four name and id keys, non-Latin names escaped in JSON) is
# under 4 kB; anything much longer is not ours and is refused before it is decoded.
MAX_CURSOR_LENGTH = 8192
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
    not_ours = BadInput("after", "is not a cursor this search returned; pass a page's endCursor")
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise not_ours
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    # ValueError covers bad UTF-8 and JSON; a few kB of "[" still nest past Python's stack.
    except (binascii.Error, ValueError, RecursionError):
        raise not_ours from None
    if not (isinstance(key, list) and len(key) == size and all(map(_is_text, key))):
        raise not_ours
    return key


def _is_text(value: object) -> bool:
    """A string the database can store: JSON's "\\ud800" escapes decode to lone surrogates,
    which no UTF-8 encoder takes."""
    if not isinstance(value, str):
        return False
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


def page_limit(first: int) -> int:
    """The page size asked for, refused outside 1..MAX_PAGE_SIZE."""
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise BadInput("first", f"must be between 1 and {MAX_PAGE_SIZE}")
    return first
