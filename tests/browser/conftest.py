"""The pages in a real browser: headless Debian Chromium driven by selenium, one browser for
the whole run, against the service serving the demo district with its clock pinned."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import AsyncDriver
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.demo import DEMO_INSTANT
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.settings import Settings
from graph_service.testing.service import running_service
from tests.conftest import Wipes

CHROMIUM = Path(os.environ.get("GRAPH_SERVICE_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("GRAPH_SERVICE_CHROMEDRIVER", "/usr/bin/chromedriver"))
# Without the background-networking flags Chromium phones home at start, which a closed
# network refuses (and which would count as a request to another origin).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
)
DEMO_HOUSEHOLDS = 12
WAIT_SECONDS = 20


def _require_chromium() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if not missing:
        return
    reason = (
        f"{' and '.join(missing)} not installed (apt-get install chromium chromium-driver; "
        ".ci/run installs them)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail("CI must run the browser tests: " + reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    _require_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    # Every request the page makes (sent or refused) is in the performance log.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
async def demo_district(
    migrated_driver: AsyncDriver, settings: Settings, wipes: Wipes
) -> DemoSummary:
    """The demo district alone in the database (the API tests' world is rebuilt after)."""
    await migrated_driver.execute_query(
        cypher("testing/wipe_data"), database_=settings.neo4j_database
    )
    wipes.count += 1
    return await load_demo_district(
        migrated_driver,
        settings.neo4j_database,
        households=DEMO_HOUSEHOLDS,
        seed=1,
        clock=FixedClock(DEMO_INSTANT),
    )


@pytest.fixture(scope="session")
def explorer_url(settings: Settings, demo_district: DemoSummary) -> Iterator[str]:
    with running_service(settings, clock=FixedClock(DEMO_INSTANT)) as url:
        yield url


class Api:
    """The public GraphQL API as one staff member: what the pages should show, computed
    independently of them."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.token = token

    def data(self, query: str, **variables: Any) -> dict[str, Any]:
        response = httpx.post(
            self.url + "/graphql",
            json={"query": query, "variables": variables},
            headers={"authorization": "Bearer " + self.token},
            timeout=30,
        )
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


@pytest.fixture(scope="session")
def api_as(
    explorer_url: str, settings: Settings, demo_district: DemoSummary
) -> Callable[[str], Api]:
    def as_state(state: str) -> Api:
        employee = demo_district.staff_by_state[state]
        return Api(explorer_url, mint_development_token(settings, employee))

    return as_state


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots of every step, kept under the run's basetemp."""
    folder = tmp_path_factory.getbasetemp() / "browser-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


class Page:
    """The browser on one of the service's pages, with the waits the tests share."""

    def __init__(self, driver: webdriver.Chrome, url: str, artifacts: Path) -> None:
        self.driver = driver
        self.url = url
        self.artifacts = artifacts

    def open(self, path: str) -> None:
        self._log()  # drop what earlier pages requested
        self.console_errors()
        self.driver.get(self.url + path)

    def _log(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.driver.get_log("performance")  # type: ignore[no-untyped-call]  # selenium leaves get_log unannotated
        return entries

    def console_errors(self) -> list[str]:
        """What the page logged as errors since the last call (a failed script, a refused
        request, a policy violation)."""
        entries: list[dict[str, Any]] = self.driver.get_log("browser")  # type: ignore[no-untyped-call]  # selenium leaves get_log unannotated
        return [entry["message"] for entry in entries if entry["level"] == "SEVERE"]

    def requested_urls(self) -> list[str]:
        """Every URL the browser asked for since `open`, from Chromium's network log."""
        urls = []
        for entry in self._log():
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def wait(self, condition: Callable[[webdriver.Chrome], object], what: str) -> Any:
        # The page rebuilds what it shows: an element may vanish between finding and reading.
        return WebDriverWait(
            self.driver,
            WAIT_SECONDS,
            ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
        ).until(condition, message=what)

    def find(self, element_id: str) -> Any:
        return self.driver.find_element(By.ID, element_id)

    def screenshot(self, name: str) -> Path:
        path = self.artifacts / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def open_explorer_as(self, employee_id: str) -> None:
        """A fresh explorer (nothing remembered) signed in through the development picker."""
        self.open("/explore")
        self.driver.execute_script("sessionStorage.clear()")
        self.driver.refresh()
        self.wait(
            lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"),
            "the explorer to start",
        )
        picker = Select(self.find("staff-picker"))
        picker.select_by_value(
            self.find("staff-picker")
            .find_element(By.CSS_SELECTOR, f"option[data-employee='{employee_id}']")
            .get_attribute("value")
        )
        self.wait(
            lambda d: (
                d.find_element(By.ID, "workspace").is_displayed()
                or d.find_element(By.ID, "access-message").is_displayed()
            ),
            f"{employee_id} to be signed in",
        )

    def search(self, how: str, text: str) -> list[str]:
        """Runs a search; returns the ids of the records listed."""
        Select(self.find("search-by")).select_by_value(how)
        box = self.find("search-text")
        box.clear()
        box.send_keys(text)
        self.driver.execute_script("document.getElementById('results').replaceChildren()")
        self.find("search-button").click()
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#results li"), "search results")
        return [
            str(button.get_attribute("data-id"))
            for button in self.driver.find_elements(By.CSS_SELECTOR, "#results button")
        ]

    def drawn(self) -> tuple[int, int]:
        status = self.find("graph-status")
        return int(status.get_attribute("data-nodes")), int(status.get_attribute("data-edges"))

    def wait_drawn(self, expected: tuple[int, int]) -> None:
        self.wait(
            lambda d: (
                self.find("graph-status").get_attribute("data-busy") == "false"
                and self.drawn() == expected
            ),
            f"the graph to show {expected[0]} records and {expected[1]} links",
        )


@pytest.fixture
def page(browser: webdriver.Chrome, explorer_url: str, artifacts: Path) -> Page:
    return Page(browser, explorer_url, artifacts)
