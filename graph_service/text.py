"""Text that cannot be stored: a lone UTF-16 surrogate is not a Unicode character."""

from __future__ import annotations

import re

# A surrogate left alone by a JSON `\ud800` escape (a valid pair decodes to one character).
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    """True when `text` holds a code point UTF-8 cannot encode (Neo4j would refuse it)."""
    return _SURROGATE.search(text) is not None
