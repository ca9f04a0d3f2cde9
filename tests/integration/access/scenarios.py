"""A tiny language for policy scenarios: a pinned clock, events, sweeps and expectations,
run against the real database the way the service runs them."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph_service.access.events import AccessEventIn
from graph_service.access.policy import Right
from graph_service.clock import FixedClock
from graph_service.services.access_decision import decide, load_caller
from graph_service.services.access_provisioning import run_sweep
from graph_service.services.access_status import get_access_status
from graph_service.services.runtime import Runtime
from tests.integration.access.conftest import at, send


@dataclass(frozen=True)
class Send:
    when: str
    events: tuple[AccessEventIn, ...]

    def __init__(self, when: str, *events: AccessEventIn) -> None:
        object.__setattr__(self, "when", when)
        object.__setattr__(self, "events", events)


@dataclass(frozen=True)
class Sweep:
    when: str


@dataclass(frozen=True)
class Expect:
    """The status at `when`, plus whichever details the row names."""

    when: str
    status: str
    employee: str = "E100"
    track: str | None = None
    location: str | None = None
    rights: str | None = None  # "RWAD"
    valid_through: str | None = None
    active_by: str | None = None
    lost: str | None = None  # a fragment of the reason access was lost
    unmet: tuple[str, ...] = ()  # checklist keys expected unmet


@dataclass(frozen=True)
class Decide:
    """A decision at `when`: on the grant and right alone when `households` is empty (as for
    adding a household), else on those households too."""

    when: str
    allowed: bool
    right: Right = Right.READ
    employee: str = "E100"
    households: tuple[str, ...] = ()


Step = Send | Sweep | Expect | Decide


@dataclass(frozen=True)
class Scenario:
    name: str
    steps: list[Step] = field(default_factory=list)

    def __str__(self) -> str:
        return self.name


async def play(runtime: Runtime, clock: FixedClock, scenario: Scenario) -> None:
    """Run each step in order; an expectation that fails names the step."""
    for number, step in enumerate(scenario.steps, start=1):
        where = f"step {number} ({step})"
        if isinstance(step, Send):
            await send(runtime, clock, step.when, *step.events)
        elif isinstance(step, Sweep):
            clock.advance_to(at(step.when))
            await run_sweep(runtime)
        elif isinstance(step, Expect):
            clock.advance_to(at(step.when))
            await _expect(runtime, step, where)
        else:
            clock.advance_to(at(step.when))
            caller = await load_caller(runtime, step.employee)
            decision = await decide(runtime, caller, step.right, list(step.households))
            assert decision.allowed == step.allowed, f"{where}: {decision.reason}"


async def _expect(runtime: Runtime, step: Expect, where: str) -> None:
    status = await get_access_status(runtime, step.employee)
    assert status.status == step.status, f"{where}: got {status.status} ({status.lost_reason})"
    if step.track is not None:
        assert status.track == step.track, where
    if step.location is not None:
        assert status.location == step.location, where
    if step.rights is not None:
        assert "".join(r.value for r in status.rights) == step.rights, where
    if step.valid_through is not None:
        assert str(status.valid_through) == step.valid_through, where
    if step.active_by is not None:
        assert str(status.active_by) == step.active_by, where
    if step.lost is not None:
        assert step.lost in (status.lost_reason or ""), where
    unmet = tuple(item.key for item in status.checklist if not item.met)
    if step.unmet:
        assert unmet == step.unmet, f"{where}: unmet {unmet}"
