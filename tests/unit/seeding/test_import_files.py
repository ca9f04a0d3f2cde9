"""The importer's CSV files: typed headers, one column per row field, values as
`neo4j-admin database import` reads them (lower-case booleans, a null as an empty field)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from graph_service.db.run import Stamp
from graph_service.seeding.import_files import EDGES, NODES, ImportFiles, listings
from seeds.generator import generate_district, iter_district

ANCHOR = datetime(2026, 9, 15, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportFiles]:
    files = ImportFiles(tmp_path_factory.mktemp("import-files"), Stamp("demo-seed", ANCHOR))
    district = generate_district(households=60, seed=1, anchor=ANCHOR)
    files.write(district)
    files.close()
    return files.folder, files


def _read(folder: Path, kind: str) -> list[dict[str, str]]:
    header = next(csv.reader([(folder / f"{kind}.header.csv").read_text()]))
    lines = csv.reader((folder / f"{kind}.csv").read_text().splitlines())
    return [dict(zip(header, line, strict=True)) for line in lines]


def test_every_kind_has_a_typed_header_and_its_rows(written: tuple[Path, ImportFiles]) -> None:
    folder, files = written
    for kind in (*NODES, *EDGES):
        rows = _read(folder, kind)
        assert len(rows) == files.rows[kind] > 0
        assert all(":" in column for column in rows[0])  # every column names its type
    person = _read(folder, "people")[0]
    assert person["birthDate:date"][:2] in {"19", "20"}
    assert person["createdAt:datetime"] == "2026-09-15T15:00:00+00:00"
    assert person["version:long"] == "1"


def test_booleans_are_lower_case_and_nulls_are_empty(written: tuple[Path, ImportFiles]) -> None:
    folder, _ = written
    relationships = _read(folder, "relationships")
    assert {row["guardian:boolean"] for row in relationships} == {"true", "false"}
    assert "" in {row["endDate:date"] for row in relationships}
    assert {row["smsCapable:boolean"] for row in _read(folder, "phones")} <= {"true", "false"}


def test_a_row_field_without_a_column_is_refused(tmp_path: Path) -> None:
    files = ImportFiles(tmp_path, Stamp("demo-seed", ANCHOR))
    district = generate_district(households=5, seed=1, anchor=ANCHOR)
    district.people[0]["nickname"] = "Bo"
    with pytest.raises(ValueError, match="people rows carry \\['nickname'\\]"):
        files.write(district)
    files.close()


def test_the_options_name_each_label_and_type_with_its_files(
    written: tuple[Path, ImportFiles],
) -> None:
    _, files = written
    options = files.arguments()
    assert any(option.startswith("--nodes=Person=") for option in options)
    assert sum(option.startswith("--relationships=HAS_PHONE=") for option in options) == 2
    assert not any("schools" in option for option in options)  # none written: left out
    assert "--id-type=actual" in options  # nodes are written under their import numbers


def test_edges_name_their_ends_by_the_numbers_their_nodes_were_written_under(
    written: tuple[Path, ImportFiles],
) -> None:
    folder, _ = written
    people = {row[":ID"]: row["id:string"] for row in _read(folder, "people")}
    households = {row[":ID"]: row["id:string"] for row in _read(folder, "households")}
    assert not people.keys() & households.keys()  # one id space for every label
    district = generate_district(households=60, seed=1, anchor=ANCHOR)
    named = {
        (people[row[":START_ID"]], households[row[":END_ID"]])
        for row in _read(folder, "memberships")
    }
    assert named == {(row["personId"], row["householdId"]) for row in district.memberships}


def _listings_of_the_whole(households: int, seed: int) -> set[tuple[str, str, str]]:
    """LISTED_AT as stale_school_listings states it, over the whole district at once."""
    district = generate_district(households=households, seed=seed, anchor=ANCHOR)
    name_keys = {row["id"]: row["nameKey"] for row in district.households}
    wanted = {(row["householdId"], row["schoolId"]) for row in district.created_at}
    for membership in district.memberships:
        for enrolment in district.enrolments:
            if enrolment["personId"] == membership["personId"]:
                wanted.add((membership["householdId"], enrolment["schoolId"]))
    return {(h, s, f"{s}\x1f{name_keys[h]}\x1f{h}") for h, s in wanted}


def test_listings_written_chunk_by_chunk_are_those_of_the_whole_district() -> None:
    chunks = iter_district(households=300, seed=3, anchor=ANCHOR, chunk_households=40)
    written = [row for chunk in chunks for row in listings(chunk)]
    assert len(written) == len(set(written))
    assert set(written) == _listings_of_the_whole(300, 3)


def test_the_listings_file_names_households_and_schools(written: tuple[Path, ImportFiles]) -> None:
    folder, files = written
    rows = _read(folder, "listings")
    assert len(rows) == files.rows["listings"] > 0
    assert set(rows[0]) == {":START_ID", ":END_ID", "key:string"}
    assert any(option.startswith("--relationships=LISTED_AT=") for option in files.arguments())
