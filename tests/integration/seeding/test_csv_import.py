"""CSV import on the real Neo4j: good rows load and read back through the services, each bad
row is reported with its file, line and reason, and importing again changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import AsyncDriver

from graph_service.access.policy import Policy
from graph_service.db.staff import ReferenceData, School
from graph_service.seeding.bulk import count_graph
from graph_service.seeding.csv_import import ImportReport, import_directory
from graph_service.seeding.csv_rows import graph_id
from graph_service.services import household_reads
from graph_service.services.access_reference import load_reference_data
from graph_service.services.access_status import get_access_status
from graph_service.services.context import UseCaseContext
from graph_service.services.runtime import Runtime
from graph_service.settings import Settings
from seeds.staff import ROLES

FILES = {
    "households.csv": """id,name,comments,private,createdAtSchoolId
H1,Garcia,,false,
H2,,,false,
H3,Lee,,false,nowhere-school
""",
    "people.csv": """id,firstName,lastName,birthDate,gender,studentNumber
P1,Ana,Garcia,2012-03-02,F,S9001
P2,Luis,Garcia,1980-01-01,M,
P3,Bad,Date,2012-13-40,F,
P4,Future,Kid,2999-01-01,F,
P1,Ana,Again,2012-03-02,F,
""",
    "memberships.csv": """personId,householdId,startDate,endDate,secondary
P1,H1,2020-08-01,,false
P2,H1,2020-08-01,,false
P9,H1,2020-08-01,,false
P1,H1,2020-08-01,2019-01-01,true
""",
    "addresses.csv": """householdId,number,street,tag,apartment,city,state,zip,startDate,mailing
H1,12,Main,Street,Apt 4B,Springfield,IL,62701,2020-08-01,true
H1,40,Oak,Ave,,Springfield,ZZ,62701,2020-08-01,true
""",
    "phones.csv": """householdId,personId,number,type,smsCapable,priority,startDate
H1,,(217) 555-0101,home,false,1,2020-08-01
,P2,12,mobile,true,1,2020-08-01
H1,P2,(217) 555-0102,mobile,true,2,2020-08-01
""",
    "relationships.csv": """personId,relatedPersonId,type,guardian,emergencyPriority,startDate
P2,P1,Father,true,1,2012-03-02
P2,P1,Uncle-ish,false,,2012-03-02
""",
    "enrolments.csv": """personId,schoolId,grade,startDate
P1,lincoln-high,09,2026-08-20
P1,nowhere,09,2026-08-20
P1,lincoln-high,13,2026-08-20
""",
    "staff.csv": """employeeId,name,email,roleId,locationId,hiredAt
E-CSV-1,Jo Clerk,jo@example-district.org,office-pro,lincoln-high,2026-08-01T08:00:00-05:00
E-CSV-2,No Offset,,office-pro,lincoln-high,2026-08-01T08:00:00
E-CSV-3,Lost Role,,astronaut,lincoln-high,2026-08-01T08:00:00-05:00
""",
}
EXPECTED_REJECTED = {
    ("households.csv", 3), ("households.csv", 4), ("people.csv", 4), ("people.csv", 5),
    ("people.csv", 6), ("memberships.csv", 4), ("memberships.csv", 5), ("addresses.csv", 3),
    ("phones.csv", 3), ("phones.csv", 4), ("relationships.csv", 3), ("enrolments.csv", 3),
    ("enrolments.csv", 4), ("staff.csv", 3), ("staff.csv", 4),
}  # fmt: skip


@pytest.fixture
def export(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    return tmp_path


@pytest.fixture
async def imported(
    db: AsyncDriver, settings: Settings, export: Path, runtime: Runtime, policy: Policy
) -> ImportReport:
    await load_reference_data(
        runtime,
        ReferenceData(roles=ROLES, schools=[School(id="lincoln-high", name="Lincoln High")]),
        actor="test",
    )
    return await import_directory(
        db, settings.neo4j_database, export, clock=runtime.clock, policy=policy
    )


async def test_each_bad_row_is_reported_with_file_line_and_reason(imported: ImportReport) -> None:
    assert {(r.file, r.line) for r in imported.rejected} == EXPECTED_REJECTED
    reasons = {(r.file, r.line): r.reason for r in imported.rejected}
    assert "name" in reasons[("households.csv", 3)]
    assert "createdAtSchoolId: not found" in reasons[("households.csv", 4)]
    assert "birthDate" in reasons[("people.csv", 5)]
    assert "listed twice" in reasons[("people.csv", 6)]
    assert "personId: not found" in reasons[("memberships.csv", 4)]
    assert "endDate" in reasons[("memberships.csv", 5)]
    assert "state" in reasons[("addresses.csv", 3)]
    assert "exactly one owner" in reasons[("phones.csv", 4)]
    assert "not a relationship type" in reasons[("relationships.csv", 3)]
    assert "schoolId: not found" in reasons[("enrolments.csv", 3)]
    assert "hiredAt" in reasons[("staff.csv", 3)]
    assert "roleId: not found" in reasons[("staff.csv", 4)]


async def test_good_rows_load_and_read_back_through_the_services(
    imported: ImportReport, ctx: UseCaseContext, runtime: Runtime
) -> None:
    assert imported.loaded["people.csv"] == 2
    view = await household_reads.get_household(ctx, graph_id("household", "H1"))
    assert view.household.name == "Garcia"
    assert {m.person.first_name for m in view.members} == {"Ana", "Luis"}
    assert [loc.address.normalized_key for loc in view.locations] == [
        "12|MAIN|ST|4B|SPRINGFIELD|IL|62701"
    ]
    assert [link.phone.number for link in view.phones] == ["+12175550101"]
    person = await household_reads.get_person(ctx, graph_id("person", "P1"))
    assert [g.other.first_name for g in person.guardians] == ["Luis"]
    assert [e.school.id for e in person.enrolments] == ["lincoln-high"]
    hired = await get_access_status(runtime, "E-CSV-1")
    assert hired.status == "none"


async def test_importing_the_same_files_again_changes_nothing(
    imported: ImportReport,
    db: AsyncDriver,
    settings: Settings,
    export: Path,
    runtime: Runtime,
) -> None:
    before = await count_graph(db, settings.neo4j_database)
    again = await import_directory(
        db, settings.neo4j_database, export, clock=runtime.clock, policy=runtime.policy
    )
    after = await count_graph(db, settings.neo4j_database)
    assert after.nodes == before.nodes
    assert after.relationships == before.relationships
    assert again.loaded == imported.loaded
