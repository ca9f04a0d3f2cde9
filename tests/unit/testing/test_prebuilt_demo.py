from __future__ import annotations

from graph_service.access.settings import AccessSettings
from graph_service.demo import DEMO_INSTANT
from graph_service.testing.prebuilt_demo import (
    HOUSEHOLDS,
    SEED,
    Demo,
    fingerprint,
    shipped_fingerprint,
)


def test_the_shipped_demo_store_is_what_loading_the_demo_writes_now() -> None:
    # Stale, the plugin silently loads the slow way: rebuild it (about a minute).
    current = fingerprint(Demo(HOUSEHOLDS, SEED, DEMO_INSTANT), AccessSettings().policy())
    assert shipped_fingerprint() == current, (
        "the district, its seed statements or its staff story changed since "
        "graph_service/testing/prebuilt/ was built: run "
        "`python -m graph_service.testing.prebuilt_demo` and commit what it writes"
    )


def test_another_district_changes_the_fingerprint() -> None:
    policy = AccessSettings().policy()
    assert fingerprint(Demo(HOUSEHOLDS, SEED, DEMO_INSTANT), policy) != fingerprint(
        Demo(HOUSEHOLDS, SEED + 1, DEMO_INSTANT), policy
    )
