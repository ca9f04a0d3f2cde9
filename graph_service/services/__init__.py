"""Use cases: each validates its input, applies the census rules and writes in one transaction."""
