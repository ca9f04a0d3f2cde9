"""The census-rule breaks and duplicate people planted on purpose (DESIGN.md section 2), in five
households of their own, so the steward tools have known answers on any district size."""

from __future__ import annotations

from datetime import timedelta

from graph_service.domain.enrollments import Grade
from seeds.families import Pieces

PLANTED_HOUSEHOLDS = 5


def plant(p: Pieces) -> None:
    """Add the planted cases and record their ids in the district's `planted`."""
    b, planted = p.b, p.b.d.planted
    start = p.cal.as_of - timedelta(days=900)
    high, elementary = p.schools.first("High"), p.schools.first("Elementary")

    # A student living with an adult sibling only (no guardian), in a household known only
    # by its PO box (no physical address).
    h1 = b.household("Okafor (PO Box)")
    key = b.address(po_box="4471")
    b.locate(h1, key, start, physical=False, mailing=True)
    sibling = b.person("Chidi", "Okafor", b.born(24), "M", student=False)
    student = b.person("Adaeze", "Okafor", b.born(15), "F")
    for person in (sibling, student):
        b.member(person, h1, start)
    b.relate(sibling, student, "Sibling", start)
    b.enrol(student, high, _grade(p, student), p.cal.first_day)
    planted.student_without_guardian.append(student)
    planted.household_without_physical_address.append(h1)

    # Three guardians for one student; and a relationship recorded without a start date.
    h2 = b.household("Rivera")
    b.locate(h2, b.address(), start)
    b.link_phone(h2, b.phone("home"), 1, start, household=True)
    mother = b.person("Maria", "Rivera", b.born(38), "F", student=False)
    father = b.person("Jose", "Rivera", b.born(40), "M", student=False)
    grandma = b.person("Dolores", "Rivera", b.born(66), "F", student=False)
    child = b.person("Ana", "Rivera", b.born(10), "F")
    for n, guardian in enumerate((mother, father, grandma), start=1):
        b.member(guardian, h2, start)
        kind = "Grandparent" if guardian == grandma else ("Mother", "Father")[n - 1]
        b.relate(guardian, child, kind, start, guardian=True, priority=n, lives=True)
    b.member(child, h2, start)
    b.enrol(child, elementary, _grade(p, child), p.cal.first_day)
    planted.more_than_two_guardians.append(child)
    planted.relationship_without_start_date.append(b.relate(grandma, mother, "Mother", None))

    # A 16-year-old mother: a guardian under 18 (and a student, with her own mother).
    h3 = b.household("Thompson")
    b.locate(h3, b.address(apartment=True), start)
    grandmother = b.person("Keisha", "Thompson", b.born(41), "F", student=False)
    teen = b.person("Jasmine", "Thompson", b.born(16), "F")
    baby = b.person("Malik", "Thompson", b.born(5), "M")
    for person in (grandmother, teen, baby):
        b.member(person, h3, start)
    b.relate(grandmother, teen, "Mother", start, guardian=True, priority=1, lives=True)
    b.relate(teen, baby, "Mother", start, guardian=True, priority=1, lives=True)
    b.relate(grandmother, baby, "Grandparent", start, priority=2, lives=True)
    b.enrol(teen, high, _grade(p, teen), p.cal.first_day)
    b.enrol(baby, elementary, _grade(p, baby), p.cal.first_day)
    planted.guardian_under_18.append(teen)

    # Someone primary in two households at once; and a guardian who is a member of two.
    h4, h5 = b.household("Nakamura"), b.household("Park")
    b.locate(h4, b.address(), start)
    b.locate(h5, b.address(), start)
    both = b.person("Hiroshi", "Nakamura", b.born(45), "M", student=False)
    partner = b.person("Zoë", "O'Neil", b.born(43), "F", student=False)
    parent = b.person("Grace", "Park", b.born(36), "F", student=False)
    kid = b.person("Daniel", "Park", b.born(8), "M")
    b.member(both, h4, start)
    b.member(both, h5, start + timedelta(days=30))
    b.member(partner, h4, start)
    b.member(parent, h5, start)
    b.member(parent, h4, start, secondary=True)
    b.member(kid, h5, start)
    b.relate(both, partner, "Partner", start)
    b.relate(parent, kid, "Mother", start, guardian=True, priority=1, lives=True)
    b.enrol(kid, elementary, _grade(p, kid), p.cal.first_day)
    planted.two_current_primary_memberships.append(both)
    planted.guardian_in_more_than_one_household.append(parent)

    # The same people entered twice, spelled differently, in no household.
    for original, first, last in ((partner, "Zoe", "ONeil"), (father, "José", "Rivera")):
        born = next(row["birthDate"] for row in b.d.people if row["id"] == original)
        twin = b.person(first, last, born, "F" if first == "Zoe" else "M", unique=False,
                        student=False)  # fmt: skip
        planted.duplicate_people.append((original, twin))


def _grade(p: Pieces, person_id: str) -> Grade:
    born = next(row["birthDate"] for row in reversed(p.b.d.people) if row["id"] == person_id)
    grade = p.cal.grade_for(born)
    assert grade is not None, "planted students are of school age"
    return grade
