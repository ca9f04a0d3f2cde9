"""Family pieces every household shape is built from: a home (with its address history and
phone), children who go to school, parents and contacts. Every student gets at least one and
at most two adult guardians here, so census-rule breaks appear only where planted."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta

from graph_service.domain.enrollments import Grade
from seeds.builder import Builder, Calendar
from seeds.district import Row

LEVELS = ("Elementary", "Middle", "High")
RECENT = 2000  # earlier families' adults and vacated places a new family may draw on


def level_of(grade: str) -> str:
    if grade in ("PK", "KG", "01", "02", "03", "04", "05"):
        return "Elementary"
    return "Middle" if grade in ("06", "07", "08") else "High"


@dataclass
class Schools:
    """School ids by level, opened as the district grows (about one per 1,200 households):
    a school depends only on the households made before it, never on the size asked for, so
    a smaller district is a prefix of a larger one with the same seed. A family takes the open
    school of each level that has taken the fewest families so far (first opened on a tie)."""

    open: dict[str, list[str]] = field(default_factory=lambda: {level: [] for level in LEVELS})
    families: dict[str, int] = field(default_factory=dict)

    def open_for(self, rows: list[Row]) -> None:
        """Open the schools in `rows` not open yet (rows from `school_rows`, in order)."""
        for row in rows:
            if row["id"] not in self.families:
                self.families[row["id"]] = 0
                self.open[row["level"]].append(row["id"])

    def pick(self, level: str) -> str:
        school = min(self.open[level], key=self.families.__getitem__)
        self.families[school] += 1
        return school

    def first(self, level: str) -> str:
        return self.open[level][0]


@dataclass
class Kid:
    id: str
    birth: date
    grade: str | None


@dataclass
class Family:
    """One shape being built: the households it made and its school zone."""

    zone: int
    households: list[str] = field(default_factory=list)
    schools: dict[str, str] = field(default_factory=dict)  # by level, once picked

    def school(self, schools: Schools, grade: str) -> str:
        level = level_of(grade)
        if level not in self.schools:
            self.schools[level] = schools.pick(level)
        return self.schools[level]


class Pieces:
    """The building blocks, sharing one Builder (and so one random stream)."""

    def __init__(self, b: Builder, schools: Schools) -> None:
        self.b = b
        self.rng = b.rng
        self.cal: Calendar = b.cal
        self.schools = schools
        # Adults of earlier families: friends and neighbours a student may name as contacts.
        # Only the most recent are kept, so memory stays flat in the district's size.
        self.contacts: deque[str] = deque(maxlen=RECENT)
        self._vacated: list[str] = []
        self.caseworkers: list[str] = []
        self.agency_phone: str | None = None
        self._last_home: tuple[str, str | None] | None = None

    def since(self, low: int = 400, high: int = 4000) -> date:
        return self.cal.as_of - timedelta(days=self.rng.randrange(low, high))

    def home(self, household_id: str, start: date, *, phone: bool = True) -> str:
        """Place the household: usually a house or an apartment of its own; sometimes doubled
        up with the previous household (same Address and home phone); sometimes with a move
        in its history (the old location ends the day before the new one starts)."""
        b, rng = self.b, self.rng
        shared = self._last_home if rng.random() < 0.03 else None
        number = shared[1] if shared is not None else None
        apartment = rng.random() < 0.3
        if shared is not None:
            b.locate(household_id, shared[0], start)
            key = shared[0]
        elif rng.random() < 0.12 and start < self.cal.as_of - timedelta(days=60):
            moved = start + timedelta(days=rng.randrange(30, (self.cal.as_of - start).days - 20))
            old = b.address(apartment=apartment)
            # Half of the moves go to a place another family left: "who lived here before".
            if self._vacated and rng.random() < 0.5:
                key = self._vacated.pop(rng.randrange(len(self._vacated)))
            else:
                key = b.address(apartment=rng.random() < 0.3)
            b.locate(household_id, old, start, moved - timedelta(days=1))
            b.locate(household_id, key, moved)
            self._vacated.append(old)
            if len(self._vacated) > RECENT:
                del self._vacated[0]
        else:
            key = b.address(apartment=apartment)
            b.locate(household_id, key, start)
        if phone and ((shared is not None and number is not None) or rng.random() < 0.65):
            number = number or b.phone("home")
            b.link_phone(household_id, number, 1, start, household=True)
        self._last_home = (key, number)
        return key

    def adult(
        self, last: str, age: int, household_id: str | None, start: date, gender: str | None = None
    ) -> str:
        """An adult with a mobile (usually) and sometimes a work phone."""
        person_id = self.b.random_person(last, age, gender, student=False)
        if household_id is not None:
            self.b.member(person_id, household_id, start)
        if self.rng.random() < 0.85:
            self.b.link_phone(person_id, self.b.phone("mobile"), 1, start, household=False)
            if self.rng.random() < 0.15:
                self.b.link_phone(person_id, self.b.phone("work"), 2, start, household=False)
        return person_id

    def share_mobile(self, owner: str, other: str, start: date) -> None:
        """A couple on one mobile: one Phone node linked to two people."""
        recent = self.b.d.person_phones[-6:]
        mine = [link for link in recent if link["ownerId"] == owner]
        born = {row["id"]: row["birthDate"] for row in self.b.d.people[-8:]}
        # Two people on one phone with one birth date would look like a duplicate record.
        if mine and born.get(owner) != born.get(other):
            theirs = sum(1 for link in recent if link["ownerId"] == other)
            self.b.link_phone(other, mine[0]["number"], theirs + 1, start, household=False)

    def kids(self, last: str, youngest_parent_age: int, count: int) -> list[Kid]:
        oldest = max(1, min(18, youngest_parent_age - 19))
        made = []
        for _ in range(count):
            person_id = self.b.random_person(last, self.rng.randrange(0, oldest))
            row = self.b.d.people[-1]
            grade = self.cal.grade_for(row["birthDate"])
            made.append(Kid(person_id, row["birthDate"], grade.value if grade else None))
        return made

    def join(
        self, kids: list[Kid], household_id: str, start: date, *, secondary: bool = False
    ) -> None:
        for kid in kids:
            self.b.member(kid.id, household_id, max(start, kid.birth), secondary=secondary)

    def school(self, kids: list[Kid], family: Family) -> None:
        """Enrol the school-age kids in their zone's schools; a student who just changed
        level has last year's enrolment, ended in June, in their history."""
        cal = self.cal
        for kid in kids:
            if kid.grade is None:
                continue
            grade = Grade(kid.grade)
            self.b.enrol(kid.id, family.school(self.schools, kid.grade), grade, cal.first_day)
            if kid.grade in ("06", "09") and self.rng.random() < 0.5:
                before = Grade("05" if kid.grade == "06" else "08")
                self.b.enrol(
                    kid.id,
                    family.school(self.schools, before.value),
                    before,
                    date(cal.year_start - 1, 8, 20),
                    date(cal.year_start, 6, 4),
                )

    def parent(self, adult: str, kids: list[Kid], kind: str, *, lives: bool, first: int) -> None:
        """`adult` is each kid's `kind` and guardian, emergency contact number `first`."""
        for kid in kids:
            self.b.relate(
                adult, kid.id, kind, kid.birth, guardian=True, mailing=lives, portal=True,
                messenger=True, priority=first, lives=lives,
            )  # fmt: skip

    def siblings(self, kids: list[Kid], kind: str = "Sibling") -> None:
        for i, older in enumerate(kids):
            for younger in kids[i + 1 :]:
                self.b.relate(older.id, younger.id, kind, max(older.birth, younger.birth))

    def outside_contact(self, kids: list[Kid], priority: int) -> None:
        """Half of the students also name a friend or neighbour from another family."""
        if not self.contacts:
            return
        for kid in kids:
            if kid.grade is not None and self.rng.random() < 0.5:
                contact = self.rng.choice(self.contacts)
                kind = self.rng.choice(("Friend", "Neighbor"))
                self.b.relate(contact, kid.id, kind, self.cal.first_day, priority=priority)

    def last_row(self) -> Row:
        return self.b.d.people[-1]
