"""Helpers for tests that need a real Neo4j: ours, and other teams' through the plugin."""
