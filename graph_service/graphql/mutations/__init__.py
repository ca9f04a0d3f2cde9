"""Root mutation fields, one module per area, merged into one Mutation type."""

from __future__ import annotations

import strawberry

from graph_service.graphql.merges import MergeMutations
from graph_service.graphql.mutations.access import AccessMutations
from graph_service.graphql.mutations.households import HouseholdMutations
from graph_service.graphql.mutations.people import PersonMutations


@strawberry.type
class Mutation(HouseholdMutations, PersonMutations, AccessMutations, MergeMutations):
    """Each mutation takes one input object and runs as one write transaction."""
