"""A steward and a clerk use the relationship explorer; what it draws and lists is what the
public GraphQL API gives the same person (asked directly by the test)."""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from typing import Any

from selenium.webdriver.common.by import By

from tests.browser.conftest import Api, Page

MY_ACCESS = "{ myAccess { status nextSteps } }"
# Days before today on which the demo district looked different (members moved in later).
EARLIER_DAYS = ("2025-09-01", "2022-09-01", "2019-09-01", "2015-09-01")


def _counts(network: dict[str, Any]) -> tuple[int, int]:
    return len(network["nodes"]), len(network["edges"])


def _households(api: Api) -> list[dict[str, Any]]:
    """Every household the caller may see: a search per letter (one needs at least one),
    all in one request."""
    fields = " ".join(
        f'{letter}: households(by: {{namePrefix: "{letter}"}}, first: 50) {{ nodes {{ id name }} }}'
        for letter in string.ascii_lowercase
    )
    found = api.data("{ " + fields + " }")
    return [household for letter in string.ascii_lowercase for household in found[letter]["nodes"]]


def _networks(api: Api, household_ids: list[str], as_of: str | None) -> list[tuple[int, int]]:
    """The depth-2 network's size around each household, in one request."""
    fields = " ".join(
        f"n{index}: relationshipNetwork(householdId: {json.dumps(household_id)}, depth: 2, "
        "asOf: $asOf) { nodes { id } edges { id } }"
        for index, household_id in enumerate(household_ids)
    )
    found = api.data(f"query ($asOf: Date) {{ {fields} }}", asOf=as_of)
    return [_counts(found[f"n{index}"]) for index in range(len(household_ids))]


def test_steward_searches_opens_a_network_and_moves_the_as_of_date(
    page: Page, api_as: Callable[[str], Api]
) -> None:
    steward = api_as("steward")
    households = _households(steward)
    ids = [h["id"] for h in households]
    today = _networks(steward, ids, None)
    # The household with the most links whose network looked different on an earlier day.
    earlier_day, earlier, index = next(
        (day, counts[index], index)
        for day in EARLIER_DAYS
        for counts in [_networks(steward, ids, day)]
        for index in sorted(range(len(ids)), key=lambda i: -today[i][1])
        if counts[index] != today[index]
    )
    household, today_counts = households[index], today[index]

    page.open_explorer_as("E-STEWARD")
    page.screenshot("steward-signed-in")
    listed = page.search("householdName", household["name"])
    assert household["id"] in listed
    page.screenshot("steward-search")

    page.driver.find_element(
        By.CSS_SELECTOR, f"#results button[data-id='{household['id']}']"
    ).click()
    page.wait_drawn(today_counts)
    page.wait(lambda d: household["name"] in page.find("details-title").text, "the details")
    page.screenshot("steward-network")

    page.driver.execute_script(
        "const box = document.getElementById('as-of'); box.value = arguments[0];"
        "box.dispatchEvent(new Event('change'));",
        earlier_day,
    )
    page.wait_drawn(earlier)
    page.screenshot("steward-network-as-of")
    assert page.console_errors() == []
    assert page.find("graph-status").get_attribute("data-as-of") == earlier_day


def test_clerk_finds_only_their_schools_households(
    page: Page, api_as: Callable[[str], Api]
) -> None:
    clerk, steward = api_as("active"), api_as("steward")
    visible, everyone = _households(clerk), _households(steward)
    assert 0 < len(visible) < len(everyone)  # the district has households outside the school
    letters = sorted({h["name"][:1] for h in visible})

    page.open_explorer_as("E-OFFICE")
    listed: list[str] = []
    for letter in letters:
        listed += page.search("householdName", letter)
    page.screenshot("clerk-search")
    assert sorted(set(listed)) == sorted(h["id"] for h in visible)
    assert "district-wide" in page.find("steward-note").text
    assert not page.find("steward-lists").is_displayed()


def test_user_with_an_expired_grant_sees_their_status_and_next_steps(
    page: Page, api_as: Callable[[str], Api]
) -> None:
    access = api_as("expired").data(MY_ACCESS)["myAccess"]
    assert access["status"] == "expired"

    page.open_explorer_as("E-EXPIRED")
    page.screenshot("expired-status")
    assert page.find("access-status").text == "expired"
    steps = [item.text for item in page.driver.find_elements(By.CSS_SELECTOR, "#next-steps li")]
    assert steps == access["nextSteps"]
    assert not page.find("workspace").is_displayed()


DUPLICATES = (
    "{ duplicateCandidates(first: 50) { items { first { id label } second { id label } } } }"
)
NEIGHBOURS = """query ($personId: ID!) {
  relationshipNetwork(personId: $personId, depth: 1) { nodes { id kind } }
}"""
CONNECTION = """query ($from: ID!, $to: ID!) {
  connection(fromPersonId: $from, toPersonId: $to) {
    length paths { source { id } target { id } }
  }
}"""
# cytoscape keeps its instance on the container; the tests reach the drawing through it.
DRAWN_IDS = "return document.getElementById('graph')._cyreg.cy.nodes().map(n => n.id())"
TAP = "document.getElementById('graph')._cyreg.cy.getElementById(arguments[0]).emit('tap')"


def test_steward_opens_a_duplicate_pair_and_a_connection_in_the_graph(
    page: Page, api_as: Callable[[str], Api]
) -> None:
    steward = api_as("steward")
    pairs = steward.data(DUPLICATES)["duplicateCandidates"]["items"]
    first = pairs[0]["first"]["id"]
    neighbour = next(
        node["id"]
        for node in steward.data(NEIGHBOURS, personId=first)["relationshipNetwork"]["nodes"]
        if node["kind"] == "PERSON" and node["id"] != first
    )
    connection = steward.data(CONNECTION, **{"from": first, "to": neighbour})["connection"]

    page.open_explorer_as("E-STEWARD")
    page.wait(lambda d: page.find("steward-lists").is_displayed(), "the steward lists")
    page.find("list-duplicates").click()
    page.wait(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list-results button")) == len(pairs),
        "the duplicate candidates",
    )
    listed = [
        button.find_element(By.TAG_NAME, "strong").text
        for button in page.driver.find_elements(By.CSS_SELECTOR, "#list-results button")
    ]
    assert listed == [f"{p['first']['label']} / {p['second']['label']}" for p in pairs]

    page.driver.find_elements(By.CSS_SELECTOR, "#list-results button")[0].click()
    both = {first, pairs[0]["second"]["id"]}
    page.wait(lambda d: both <= set(d.execute_script(DRAWN_IDS)), "the pair in the graph")
    page.wait(lambda d: page.find("details-title").text, "the first person's details")
    page.screenshot("steward-duplicate-pair")

    page.driver.find_element(By.XPATH, "//button[text()='Connect from here']").click()
    page.driver.execute_script(TAP, neighbour)
    page.wait(
        lambda d: page.find("details-title").text != pairs[0]["first"]["label"],
        "the neighbour's details",
    )
    page.driver.find_element(By.XPATH, "//button[text()='Connect to here']").click()
    page.find("find-connection").click()
    page.wait(
        lambda d: page.find("connection-result").get_attribute("data-paths"), "the connection"
    )
    result = page.find("connection-result")
    assert result.get_attribute("data-length") == str(connection["length"])
    assert result.get_attribute("data-paths") == str(len(connection["paths"]))
    # The first path is drawn: its records and one link per step.
    steps = connection["paths"][0]
    records = {ref["id"] for step in steps for ref in (step["source"], step["target"])}
    page.wait_drawn((len(records), len(steps)))
    page.screenshot("steward-connection")
    assert page.console_errors() == []


def test_a_refused_token_gets_a_message_not_a_blank_page(page: Page) -> None:
    page.open("/explore")
    page.driver.execute_script("sessionStorage.clear()")
    page.find("token").send_keys("not-a-token")
    page.driver.find_element(By.CSS_SELECTOR, "#token-form button").click()
    page.wait(lambda d: page.find("access-message").is_displayed(), "the refusal")
    page.screenshot("refused-token")
    assert page.find("access-status").text.startswith("UNAUTHENTICATED: ")
    assert not page.find("workspace").is_displayed()
