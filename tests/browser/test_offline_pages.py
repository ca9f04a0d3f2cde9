"""Both pages load on a closed network: everything they need comes from the service itself,
and their Content-Security-Policy would refuse anything else."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
from selenium.webdriver.common.by import By

from tests.browser.conftest import Page


def _other_origins(page: Page, urls: list[str]) -> list[str]:
    own = urlsplit(page.url).netloc
    return [url for url in urls if not url.startswith("data:") and urlsplit(url).netloc != own]


def test_graphiql_runs_with_only_the_services_own_assets(page: Page) -> None:
    page.open("/graphql")
    page.wait(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".graphiql-container .graphiql-editors"),
        "GraphiQL to render",
    )
    urls = page.requested_urls()
    page.screenshot("graphiql")
    assert any("/assets/vendor/graphiql-3.8.3/graphiql.min.js" in url for url in urls)
    # Its schema request got through the page's policy to the service's own /graphql.
    page.wait(
        lambda d: d.find_elements(
            By.CSS_SELECTOR,
            ".graphiql-doc-explorer-search, [aria-label='Show Documentation Explorer']",
        ),
        "the schema to load",
    )
    assert page.url + "/graphql" in urls + page.requested_urls()
    assert _other_origins(page, urls) == []
    assert "Loading" not in page.find("graphiql").text
    assert page.console_errors() == []


def test_explorer_loads_with_only_the_services_own_assets(page: Page) -> None:
    page.open("/explore")
    page.wait(lambda d: page.find("staff-picker").is_displayed(), "the staff picker")
    urls = page.requested_urls()
    page.screenshot("explorer-sign-in")
    assert any("/assets/vendor/cytoscape-3.35.0/" in url for url in urls)
    assert _other_origins(page, urls) == []
    assert page.console_errors() == []


def test_pages_allow_no_other_origin(explorer_url: str) -> None:
    for path in ("/explore", "/assets/explore/main.js"):
        policy = httpx.get(explorer_url + path).headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "script-src 'self';" in policy
        assert "connect-src 'self';" in policy
        assert "http" not in policy  # no origin named anywhere
    graphiql = httpx.get(explorer_url + "/graphql", headers={"accept": "text/html"})
    assert graphiql.status_code == 200
    assert "unpkg" not in graphiql.text
    assert "default-src 'none'" in graphiql.headers["content-security-policy"]
