"""A person as of a day: households, relationships split household / non-household,
guardians, emergency contacts in order, enrolments and phones."""

from __future__ import annotations

from datetime import date

from graph_service.domain.base import GraphModel
from graph_service.domain.enrollments import Enrolment
from graph_service.domain.households import Household
from graph_service.domain.people import Person
from graph_service.domain.phones import PhoneLink
from graph_service.domain.relationship_types import RelationshipTypeCatalogue
from graph_service.domain.relationships import RelatedPerson, Relationship


class PersonMembership(GraphModel):
    household: Household
    secondary: bool
    private: bool
    start_date: date
    end_date: date | None = None


class RelationshipEntry(GraphModel):
    """A current edge touching the person, as read: `outgoing` when the person is its start."""

    other: Person
    outgoing: bool
    household: bool
    relationship: Relationship


class PersonGraph(GraphModel):
    """What the one-round-trip person read returns, before labels are worked out."""

    person: Person
    memberships: list[PersonMembership]
    relationships: list[RelationshipEntry]
    enrolments: list[Enrolment]
    phones: list[PhoneLink]


class PersonView(GraphModel):
    person: Person
    as_of: date
    memberships: list[PersonMembership]
    household_relationships: list[RelatedPerson]
    non_household_relationships: list[RelatedPerson]
    guardians: list[RelatedPerson]
    emergency_contacts: list[RelatedPerson]
    enrolments: list[Enrolment]
    phones: list[PhoneLink]


def person_view(
    graph: PersonGraph, *, as_of: date, catalogue: RelationshipTypeCatalogue
) -> PersonView:
    """Label each relationship from the person's side and sort them into the view's lists."""
    related: list[RelatedPerson] = []
    for entry in graph.relationships:
        stored = entry.relationship.type
        # Incoming edge: the other person is my `type`. Outgoing: I am theirs, so they are
        # my reciprocal (falling back to the stored text for a type no longer catalogued).
        label = stored if not entry.outgoing else catalogue.reciprocals.get(stored, stored)
        related.append(
            RelatedPerson(
                other=entry.other,
                label=label,
                relationship=entry.relationship,
                household=entry.household,
            )
        )
    incoming = [r for r, e in zip(related, graph.relationships, strict=True) if not e.outgoing]
    contacts = sorted(
        (r for r in incoming if r.relationship.emergency_priority is not None),
        key=lambda r: r.relationship.emergency_priority or 0,
    )
    return PersonView(
        person=graph.person,
        as_of=as_of,
        memberships=graph.memberships,
        household_relationships=[r for r in related if r.household],
        non_household_relationships=[r for r in related if not r.household],
        guardians=[r for r in incoming if r.relationship.guardian],
        emergency_contacts=contacts,
        enrolments=graph.enrolments,
        phones=graph.phones,
    )
