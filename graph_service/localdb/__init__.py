"""The managed local Neo4j Community server: the default database when no NEO4J_URI is set."""

from graph_service.localdb.errors import LocalNeo4jError
from graph_service.localdb.server import LocalNeo4j, ServerStatus

__all__ = ["LocalNeo4j", "LocalNeo4jError", "ServerStatus"]
