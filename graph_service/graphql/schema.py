"""The GraphQL schema; `schema.graphql` at the repository root is exported from it."""

from __future__ import annotations

import strawberry

import graph_service


@strawberry.type(description="What this service is and which version answers.")
class ServiceInfo:
    name: str
    version: str


@strawberry.type
class Query:
    @strawberry.field(description="The service's name and version; needs no authentication.")
    def service(self) -> ServiceInfo:
        return ServiceInfo(name="household-graph-service", version=graph_service.__version__)


schema = strawberry.Schema(query=Query)
