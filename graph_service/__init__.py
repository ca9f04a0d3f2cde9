"""Household graph service: census households in Neo4j behind a certified-access GraphQL API."""

__version__ = "0.1.0"
