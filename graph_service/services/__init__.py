"""Use cases: each takes its input as a domain model, validated once by the caller (with the
service clock's `today`), applies the census rules and writes in one transaction."""
