"""Who is calling: bearer JWTs verified into a Principal."""
