"""GraphQL object types, each built from a domain model with `from_model`."""
