"""The load: several concurrent clients sending a realistic mix over HTTP, run in a process
of its own so that the service's CPU and the clients' never share an interpreter.

The clients use aiohttp: on this 2-core machine they share the cores with the service and
Neo4j, and httpx spent 2.1-3.0 ms of CPU per household page against aiohttp's 0.6-0.9 ms (4
clients, 600 household pages each way, three times, 10,000 households): the heavier client
slowed the service it measured by competing for a core, which the floor's client (the Neo4j
driver) does not. The load process's CPU per request is reported beside the service's."""

from __future__ import annotations

import asyncio
import json
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import aiohttp

# The README's household page, as a UI team would build it.
HOUSEHOLD_PAGE = """
query($id: ID!) { household(id: $id) {
  name version
  addresses { physical mailing startDate address { number street tag city state zip } }
  phones { priority phone { number type } }
  members { secondary person {
    id firstName lastName birthDate
    householdRelationships { label guardian otherFirstName }
    nonHouseholdRelationships { label otherFirstName otherLastName person { id } }
    emergencyContacts { otherFirstName emergencyPriority }
  } }
} }"""
SEARCH_BY_NAME = """
query($prefix: String!) { households(by: {namePrefix: $prefix}, first: 20) {
  edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }"""
SEARCH_PAGE = """
query($prefix: String!) { households(by: {namePrefix: $prefix}, first: 20) {
  edges { cursor node { id name members { person { firstName lastName } } } }
  pageInfo { hasNextPage endCursor } } }"""
PAGE = 20  # the searches' `first`
SEARCH_BY_ADDRESS = """
query($prefix: String!) { households(by: {addressPrefix: $prefix}, first: 20) {
  nodes { name } } }"""
PERSON_PAGE = """
query($id: ID!) { person(id: $id) {
  firstName lastName birthDate
  memberships { secondary household { name } }
  householdRelationships { label guardian otherFirstName }
  nonHouseholdRelationships { label otherFirstName person { firstName } }
  guardians { otherFirstName } emergencyContacts { otherFirstName emergencyPriority }
  enrollments { grade school { name } }
} }"""
NETWORK = """
query($id: ID!) { relationshipNetwork(personId: $id, depth: 2) {
  truncated nodes { id kind label } edges { source target kind label } } }"""
MY_ACCESS = "{ myAccess { status rights checklist { label met } nextSteps } }"
CREATE_PERSON = "mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }"
CREATE_HOUSEHOLD = (
    "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id version } }"
)
MOVE = "mutation($i: MoveHouseholdInput!) { moveHousehold(input: $i) { id version } }"
RELATE = "mutation($i: SetRelationshipInput!) { setRelationship(input: $i) { id } }"

# Share of each operation in the mix (reads dominate, as in an office).
MIX = {
    "household page": 25,
    "search by name": 5,
    "search page": 10,
    "search by address": 6,
    "person page": 20,
    "network depth 2": 6,
    "myAccess": 10,
    "create household": 6,
    "move household": 6,
    "set relationship": 6,
}


@dataclass
class Samples:
    """Ids and search terms the clerk may use (all in the clerk's scope)."""

    household_ids: list[str]
    person_ids: list[str]
    name_prefixes: list[str]
    street_prefixes: list[str]
    school_id: str
    today: str
    # The name prefixes among `name_prefixes` under which the clerk finds a full page at the
    # sampled size (bench/name_prefixes_filling_a_page): the search page's, so that its pages
    # are as long at every size. None fill a page in a small district: the search page then
    # uses `name_prefixes`.
    page_prefixes: list[str] = field(default_factory=list)


def read_request(op: str, samples: Samples, rng: random.Random) -> tuple[str, dict[str, Any]]:
    """The query and variables of one read of the mix, picked from what the clerk may open."""
    if op == "household page":
        return HOUSEHOLD_PAGE, {"id": rng.choice(samples.household_ids)}
    if op == "person page":
        return PERSON_PAGE, {"id": rng.choice(samples.person_ids)}
    if op == "search by name":
        return SEARCH_BY_NAME, {"prefix": rng.choice(samples.name_prefixes)}
    if op == "search page":
        return SEARCH_PAGE, {"prefix": rng.choice(samples.page_prefixes or samples.name_prefixes)}
    if op == "search by address":
        return SEARCH_BY_ADDRESS, {"prefix": rng.choice(samples.street_prefixes)}
    if op == "network depth 2":
        return NETWORK, {"id": rng.choice(samples.person_ids)}
    if op == "myAccess":
        return MY_ACCESS, {}
    raise ValueError(f"not a read of the mix: {op}")


READS = ["household page", "person page", "search page", "search by name",
         "search by address", "network depth 2", "myAccess"]  # fmt: skip


@dataclass
class Result:
    """Plain dicts, so that the result pickles back from the load process."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    first_error: dict[str, str] = field(default_factory=dict)

    def took(self, op: str, seconds: float) -> None:
        self.latencies.setdefault(op, []).append(seconds)

    def merge(self, other: Result) -> None:
        """Add another slice's latencies and errors to these."""
        for op, latencies in other.latencies.items():
            self.latencies.setdefault(op, []).extend(latencies)
        for op, count in other.errors.items():
            self.errors[op] = self.errors.get(op, 0) + count
        for op, why in other.first_error.items():
            self.first_error.setdefault(op, why)

    def failed(self, op: str, why: str) -> None:
        self.errors[op] = self.errors.get(op, 0) + 1
        self.first_error.setdefault(op, why[:300])


@dataclass
class _Client:
    http: aiohttp.ClientSession
    samples: Samples
    rng: random.Random
    result: Result
    # (household, version, days after today of its latest move): each move needs a later day
    created: list[tuple[str, int, int]] = field(default_factory=list)
    # The network view is district-wide: the demo's data steward asks for it.
    steward_headers: dict[str, str] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    serial: int = 0

    async def call(
        self, op: str, query: str, *, as_steward: bool = False, **variables: Any
    ) -> dict[str, Any] | None:
        headers = self.steward_headers if as_steward else None
        started = time.perf_counter()
        async with self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        ) as response:
            text = await response.text()
        elapsed = time.perf_counter() - started
        body: dict[str, Any] = json.loads(text)
        if response.status != 200 or body.get("errors"):
            self.result.failed(op, str(body.get("errors", text)))
            return None
        self.result.took(op, elapsed)
        data: dict[str, Any] = body["data"]
        return data

    async def run_one(self, op: str) -> None:
        if op in READS:
            query, variables = read_request(op, self.samples, self.rng)
            await self.call(op, query, as_steward=op == "network depth 2", **variables)
        else:
            await self._write(op)

    async def _write(self, op: str) -> None:
        started = time.perf_counter()
        ok = await self._write_steps(op)
        if ok:  # a write is timed as the user waits for it, all of its requests
            self.result.took(op, time.perf_counter() - started)

    async def _write_steps(self, op: str) -> bool:
        s = self.samples
        if op == "create household" or not self.created or len(self.people) < 2:
            self.serial += 1
            members = []
            for first in ("Bench", "Load"):
                person = await self.call(
                    "create person",
                    CREATE_PERSON,
                    i={"firstName": first, "lastName": f"Tester{self.serial}{id(self) % 9973}",
                       "birthDate": "2012-03-04", "confirmNotDuplicate": True},
                )  # fmt: skip
                if person is None:
                    return False
                members.append(person["createPerson"]["id"])
            self.people += members
            created = await self.call(
                "create household (request)",
                CREATE_HOUSEHOLD,
                i={"name": f"Bench {self.serial}", "startDate": s.today,
                   "createdAtSchoolId": s.school_id,
                   "members": [{"personId": m} for m in members]},
            )  # fmt: skip
            if created is None:
                return False
            household = created["createHousehold"]
            self.created.append((household["id"], household["version"], 0))
            return True
        if op == "move household":
            index = self.rng.randrange(len(self.created))
            household, version, moved_days = self.created[index]
            self.serial += 1
            move_day = date.fromisoformat(s.today) + timedelta(days=moved_days + 1)
            moved = await self.call(
                "move household (request)",
                MOVE,
                i={"householdId": household, "expectedVersion": version,
                   "moveDate": move_day.isoformat(),
                   "address": {"number": str(self.serial), "street": "Benchmark",
                               "tag": "Ave", "city": "Springfield", "state": "IL",
                               "zip": "62701"}},
            )  # fmt: skip
            if moved is None:
                return False
            self.created[index] = (household, moved["moveHousehold"]["version"], moved_days + 1)
            return True
        first, second = self.people[-2], self.people[-1]
        related = await self.call(
            "set relationship (request)",
            RELATE,
            i={"personId": first, "relatedPersonId": second, "type": "Sibling",
               "startDate": s.today, "expectedVersion": None},
        )  # fmt: skip
        self.people = self.people[:-2]  # a pair is related once; the next needs new people
        return related is not None


async def _client(
    url: str,
    tokens: tuple[str, str],
    samples: Samples,
    seed: int,
    until: float,
    ops: list[str],
    result: Result,
) -> None:
    weights = [MIX[op] for op in ops]
    clerk, steward = tokens
    headers = {"authorization": f"Bearer {clerk}"}
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(base_url=url, headers=headers, timeout=timeout) as http:
        client = _Client(http, samples, random.Random(seed), result)
        client.steward_headers = {"authorization": f"Bearer {steward}"}
        while time.monotonic() < until:
            await client.run_one(client.rng.choices(ops, weights)[0])


def run_load(
    url: str,
    tokens: tuple[str, str],
    samples: Samples,
    *,
    clients: int,
    seconds: float,
    ops: list[str],
) -> tuple[Result, float]:
    """Drive the service with `clients` concurrent clients for `seconds`; return what each
    operation took and the wall time."""

    async def main() -> float:
        started = time.monotonic()
        await asyncio.gather(
            *(
                _client(url, tokens, samples, seed, started + seconds, ops, result)
                for seed in range(clients)
            )
        )
        return time.monotonic() - started

    result = Result()
    wall = asyncio.run(main())
    return result, wall
