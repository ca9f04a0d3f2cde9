"""The household shapes of a district, each built from Pieces: who lives together, who lives
elsewhere, and how they are related. Each returns the number of households it made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from seeds import names
from seeds.families import Family, Pieces

Shape = Callable[[Pieces, Family], int]


def single_adult(p: Pieces, f: Family) -> int:
    last = p.b.last_name()
    start = p.since()
    h = p.b.household(last)
    p.home(h, start)
    p.contacts.append(p.adult(last, p.rng.randrange(20, 85), h, start))
    return 1


def couple(p: Pieces, f: Family) -> int:
    last = p.b.last_name()
    start = p.since()
    h = p.b.household(last)
    p.home(h, start)
    age = p.rng.randrange(24, 80)
    a = p.adult(last, age, h, start, "F")
    b = p.adult(last, age + p.rng.randrange(-3, 4), h, start, "M")
    p.b.relate(a, b, "Spouse", start)
    if p.rng.random() < 0.05:
        p.share_mobile(a, b, start)
    p.contacts.append(b)
    return 1


def two_parents(p: Pieces, f: Family) -> int:
    """Two parents and their children; sometimes a grown child who has moved out, and a
    family whose children are too young for school registered at their future school."""
    last = p.b.last_name()
    age = p.rng.randrange(25, 52)
    start = p.since(400, 365 * (age - 22))
    kids = p.kids(last, age, p.rng.randrange(1, 5))
    school = (
        p.rng.choice(p.schools.open["Elementary"]) if all(k.grade is None for k in kids) else None
    )
    h = p.b.household(last, school_id=school if school and p.rng.random() < 0.5 else None)
    p.home(h, start)
    mother = p.adult(last, age, h, start, "F")
    father = p.adult(last, age + p.rng.randrange(0, 4), h, start, "M")
    p.b.relate(mother, father, "Spouse", start)
    p.join(kids, h, start)
    p.parent(mother, kids, "Mother", lives=True, first=1)
    p.parent(father, kids, "Father", lives=True, first=2)
    p.siblings(kids)
    p.school(kids, f)
    p.outside_contact(kids, 3)
    made = 1
    if age > 42 and p.rng.random() < 0.25:
        made += _moved_out(p, last, mother)
    p.contacts.append(mother)
    return made


def _moved_out(p: Pieces, last: str, mother: str) -> int:
    """A grown child whose membership of the family home ended when they moved out."""
    b = p.b
    child = p.adult(last, p.rng.randrange(19, 24), None, p.cal.as_of)
    born = b.d.people[-1]["birthDate"]
    left = p.cal.as_of - timedelta(days=p.rng.randrange(60, 400))
    family_home = b.d.households[-1]["id"]
    joined = max(born, p.cal.as_of - timedelta(days=4000))
    b.member(child, family_home, joined, left - timedelta(days=1))
    b.relate(mother, child, "Mother", born)
    h = b.household(f"{last} ({names.CITY})")
    p.home(h, left, phone=False)
    b.member(child, h, left)
    return 1


def parent_elsewhere(p: Pieces, f: Family, *, two_homes: bool = False) -> int:
    """A single parent with the children; the other parent in a household of their own, a
    guardian all the same. With `two_homes` the children also live there (secondary)."""
    last = p.b.last_name()
    age = p.rng.randrange(25, 50)
    start = p.since(400, 3000)
    kids = p.kids(last, age, p.rng.randrange(1, 4))
    h = p.b.household(last)
    p.home(h, start)
    mother = p.adult(last, age, h, start, "F")
    p.join(kids, h, start)
    other_last = p.b.last_name() if p.rng.random() < 0.3 else last
    h2 = p.b.household(other_last)
    p.home(h2, start)
    father = p.adult(other_last, age + p.rng.randrange(0, 5), h2, start, "M")
    if two_homes:
        p.join(kids, h2, start, secondary=True)
    p.parent(mother, kids, "Mother", lives=True, first=1)
    p.parent(father, kids, "Father", lives=two_homes, first=2)
    p.siblings(kids)
    p.school(kids, f)
    p.outside_contact(kids, 3)
    p.contacts.append(father)
    return 2


def two_homes(p: Pieces, f: Family) -> int:
    return parent_elsewhere(p, f, two_homes=True)


def blended(p: Pieces, f: Family) -> int:
    """Mother, stepfather, her children and his child (who lives mainly with his mother);
    the children's father lives alone. Three households, step relationships throughout."""
    b, rng = p.b, p.rng
    last, step_last = b.last_name(), b.last_name()
    age = rng.randrange(28, 48)
    start = p.since(400, 2500)
    kids = p.kids(last, age, rng.randrange(1, 3))
    his = p.kids(step_last, age, 1)
    h = b.household(f"{last}-{step_last}")
    p.home(h, start)
    mother = p.adult(last, age, h, start, "F")
    stepfather = p.adult(step_last, age + rng.randrange(-2, 5), h, start, "M")
    b.relate(mother, stepfather, "Spouse", start)
    p.join(kids, h, start)
    p.join(his, h, start, secondary=True)
    h2 = b.household(last)
    p.home(h2, start)
    father = p.adult(last, age + rng.randrange(0, 5), h2, start, "M")
    h3 = b.household(step_last)
    p.home(h3, start)
    his_mother = p.adult(step_last, age + rng.randrange(-3, 3), h3, start, "F")
    p.join(his, h3, start)
    p.parent(mother, kids, "Mother", lives=True, first=1)
    p.parent(father, kids, "Father", lives=False, first=2)
    p.parent(his_mother, his, "Mother", lives=True, first=1)
    p.parent(stepfather, his, "Father", lives=True, first=2)
    for kid in kids:
        b.relate(stepfather, kid.id, "Stepparent", max(start, kid.birth), priority=3, lives=True)
        b.relate(kid.id, his[0].id, "Step Sibling", max(start, kid.birth, his[0].birth))
    b.relate(mother, his[0].id, "Stepparent", max(start, his[0].birth), priority=3)
    p.siblings(kids)
    p.school([*kids, *his], f)
    p.contacts.append(father)
    return 3


def grandparents(p: Pieces, f: Family) -> int:
    """Grandparents raising their grandchildren; the children's parent lives elsewhere and
    is related but not a guardian (with a contact restriction, as courts often order)."""
    b, rng = p.b, p.rng
    last = b.last_name()
    age = rng.randrange(55, 75)
    start = p.since(400, 2500)
    h = b.household(last)
    p.home(h, start)
    grandma = p.adult(last, age, h, start, "F")
    grandpa = p.adult(last, age + rng.randrange(0, 4), h, start, "M")
    b.relate(grandma, grandpa, "Spouse", start)
    parent_age = age - rng.randrange(22, 30)
    kids = p.kids(last, parent_age, rng.randrange(1, 4))
    p.join(kids, h, start)
    p.parent(grandma, kids, "Grandparent", lives=True, first=1)
    p.parent(grandpa, kids, "Grandparent", lives=True, first=2)
    h2 = b.household(f"{last} ({names.CITY})")
    p.home(h2, start, phone=False)
    mom = p.adult(last, parent_age, h2, start, "F")
    b.relate(grandma, mom, "Mother", b.d.people[-1]["birthDate"])
    for kid in kids:
        b.relate(mom, kid.id, "Mother", kid.birth, restrictions="Supervised contact only")
    p.siblings(kids)
    p.school(kids, f)
    return 2


def multigenerational(p: Pieces, f: Family) -> int:
    """Parents, children and a grandmother who lives with them (a contact, not a guardian)."""
    b = p.b
    before, people, members = len(b.d.households), len(b.d.people), len(b.d.memberships)
    made = two_parents(p, f)
    household = b.d.households[before]["id"]  # the family home, made first
    start = p.since(60, 1500)
    grandma = p.adult(b.d.people[-1]["lastName"], p.rng.randrange(62, 88), household, start, "F")
    born = {row["id"]: row["birthDate"] for row in b.d.people[people:]}
    for m in b.d.memberships[members:]:
        kid = m["personId"]
        if m["householdId"] == household and p.cal.grade_for(born[kid]) is not None:
            b.relate(grandma, kid, "Grandparent", max(start, born[kid]), priority=4, lives=True)
    return made


def foster(p: Pieces, f: Family) -> int:
    """Foster parents, foster children and the county caseworker who follows them. The
    caseworkers share the agency's office line (a shared Phone)."""
    b, rng = p.b, p.rng
    last = b.last_name()
    age = rng.randrange(32, 60)
    start = p.since(200, 2000)
    h = b.household(last)
    p.home(h, start)
    parents = [p.adult(last, age, h, start, "F")]
    if rng.random() < 0.6:
        parents.append(p.adult(last, age + rng.randrange(-3, 4), h, start, "M"))
        b.relate(parents[0], parents[1], "Spouse", start)
    kids = p.kids(b.last_name(), 30, rng.randrange(1, 3))
    placed = p.cal.as_of - timedelta(days=rng.randrange(40, 700))
    p.join(kids, h, placed)
    caseworker = _caseworker(p)
    for n, parent in enumerate(parents, start=1):
        for kid in kids:
            b.relate(parent, kid.id, "Foster Parent", max(placed, kid.birth), guardian=True,
                     mailing=True, portal=True, priority=n, lives=True)  # fmt: skip
    for kid in kids:
        b.relate(caseworker, kid.id, "Caseworker", max(placed, kid.birth),
                 comments=names.CASEWORKER_AGENCY)  # fmt: skip
    p.school(kids, f)
    return 1


def _caseworker(p: Pieces) -> str:
    """One caseworker per twenty foster families or so; none lives in the district."""
    if p.caseworkers and (len(p.caseworkers) >= 12 or p.rng.random() < 0.95):
        return p.rng.choice(p.caseworkers)
    # Distinct ages: caseworkers share the office line, and two people on one phone with
    # one birth date would look like a duplicate record.
    age = 28 + 2 * len(p.caseworkers)
    person = p.b.random_person(p.b.last_name(), age, student=False)
    if p.agency_phone is None:
        p.agency_phone = p.b.phone("work")
    p.b.link_phone(person, p.agency_phone, 1, p.cal.as_of - timedelta(days=900), household=False)
    p.caseworkers.append(person)
    return person


# Shape, weight, households it makes (the generator fills N households with these).
SHAPES: list[tuple[Shape, int, int]] = [
    (single_adult, 10, 1),
    (couple, 12, 1),
    (two_parents, 34, 2),
    (parent_elsewhere, 11, 2),
    (two_homes, 8, 2),
    (blended, 6, 3),
    (grandparents, 5, 2),
    (multigenerational, 6, 2),
    (foster, 3, 1),
]
