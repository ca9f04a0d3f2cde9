"""`graph-service serve --demo`: a small demo district on the local database, and what a
newcomer needs to try it (a token per access state and a first query)."""

from __future__ import annotations

from datetime import UTC, datetime

from graph_service.auth.tokens import mint_development_token
from graph_service.clock import FixedClock
from graph_service.db.cypher import cypher
from graph_service.db.driver import create_driver
from graph_service.db.migrations import migrate
from graph_service.db.run import read_all
from graph_service.seeding.demo import DemoSummary, load_demo_district
from graph_service.settings import Settings

# Demos run at one fixed instant (a Tuesday morning in September 2026, district time), so
# that every demo staff member is in the same access state whenever the demo is started.
DEMO_INSTANT = datetime(2026, 9, 15, 15, 0, tzinfo=UTC)
DEMO_SEED = 1


async def load_demo(settings: Settings, households: int) -> tuple[DemoSummary, list[str]]:
    """Migrate and load the demo district (idempotent: a second start changes nothing);
    also returns a few household names the active demo clerk can open."""
    async with create_driver(settings) as driver:
        await driver.verify_connectivity()
        await migrate(driver, database=settings.neo4j_database)
        summary = await load_demo_district(
            driver,
            settings.neo4j_database,
            households=households,
            seed=DEMO_SEED,
            clock=FixedClock(DEMO_INSTANT),
        )
        rows = await read_all(
            driver,
            cypher("demo/household_names_at_staff_school"),
            database=settings.neo4j_database,
            employeeId=summary.staff_by_state.get("active", ""),
            today=DEMO_INSTANT.date(),
        )
        return summary, [row["name"] for row in rows]


def demo_clock() -> FixedClock:
    return FixedClock(DEMO_INSTANT)


def welcome(settings: Settings, summary: DemoSummary, names: list[str], url: str) -> str:
    """What to try first: tokens for a few access states and a query."""
    prefix = names[0][:3] if names else "a"
    states = ["active", "district", "steward", "pending", "expired", "revoked", "no_grant"]
    lines = [
        "",
        f"Demo district loaded: {summary.households} households, seed {summary.seed}, "
        f"{summary.counts.total_nodes} nodes. The service's clock is pinned at "
        f"{DEMO_INSTANT.isoformat()} so each demo staff member keeps their access state.",
        "",
        "Tokens (valid 8 hours) for demo staff, by access state:",
    ]
    for state in states:
        employee = summary.staff_by_state.get(state)
        if employee:
            token = mint_development_token(settings, employee)
            lines.append(f"  {state:<9} {employee:<12} {token}")
    lines += [
        "",
        "A first query (with the 'active' token):",
        f"  curl -s {url}/graphql -H 'content-type: application/json' \\",
        '    -H "authorization: Bearer $TOKEN" \\',
        '    -d \'{"query": "{ myAccess { status rights nextSteps } '
        f'households(by: {{namePrefix: \\"{prefix}\\"}}, first: 3) {{ nodes {{ name members '
        "{ person { firstName lastName } } } } }\"}'",
        f"  (households the active clerk can open include: {', '.join(names) or 'none yet'})",
        f"GraphiQL: {url}/graphql",
        f"Relationship explorer: {url}/explore (pick a demo staff member to explore as)",
        "",
    ]
    return "\n".join(lines)
