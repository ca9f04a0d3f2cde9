"""Districts of different sizes loaded over each other, in either order, into one database:
a smaller district is a prefix of a larger one, so the result is the larger district, with
the same ids, nothing twice and no constraint refused."""

from __future__ import annotations

from neo4j import AsyncDriver

from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.demo import DEMO_INSTANT
from graph_service.seeding.bulk import GraphCounts, count_graph, graph_ids
from graph_service.seeding.demo import load_demo_district
from graph_service.settings import Settings
from seeds.generator import generate_district

SMALL, LARGE = 60, 200


async def _load(db: AsyncDriver, database: str, households: int, chunk: int = 5000) -> None:
    clock = FixedClock(DEMO_INSTANT)
    await load_demo_district(
        db, database, households=households, seed=1, clock=clock, chunk_households=chunk
    )


async def _demo_ids(db: AsyncDriver, database: str) -> tuple[list[str], list[str]]:
    """The generator's ids (uuid5). The staff story's events, grants and audit records take
    random ids from the services, as they do in production, so they differ between loads."""
    nodes, edges = await graph_ids(db, database)
    return [i for i in nodes if i[14:15] == "5"], [i for i in edges if i[14:15] == "5"]


def _household_counts(counts: GraphCounts) -> dict[str, int]:
    nodes = {k: counts.nodes[k] for k in ("Person", "Household", "Address", "Phone", "School")}
    edges = ("MEMBER_OF", "LOCATED_AT", "HAS_PHONE", "RELATED_TO", "ENROLLED_AT", "CREATED_AT")
    return nodes | {k: counts.relationships[k] for k in edges}


async def test_a_larger_district_over_a_smaller_and_the_reverse_give_the_larger(
    db: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    large = generate_district(households=LARGE, seed=1, anchor=DEMO_INSTANT)
    rows = large.row_counts()
    expected = {
        "Person": rows["people"], "Household": rows["households"],
        "Address": rows["addresses"], "Phone": rows["phones"], "School": len(large.schools),
        "MEMBER_OF": rows["memberships"], "LOCATED_AT": rows["locations"],
        "HAS_PHONE": rows["household_phones"] + rows["person_phones"],
        "RELATED_TO": rows["relationships"], "ENROLLED_AT": rows["enrolments"],
        "CREATED_AT": rows["created_at"],
    }  # fmt: skip

    await _load(db, database, SMALL)
    await _load(db, database, LARGE)
    upward = (await count_graph(db, database), await _demo_ids(db, database))
    assert _household_counts(upward[0]) == expected

    await db.execute_query(cypher("testing/wipe_data"), database_=database)
    await _load(db, database, LARGE, chunk=40)  # streamed: six chunks, each written in turn
    await _load(db, database, SMALL)
    downward = (await count_graph(db, database), await _demo_ids(db, database))
    assert downward == upward
    assert LARGE + 5 <= expected["Household"] <= LARGE + 7
