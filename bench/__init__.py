"""The benchmark: a clean managed Neo4j, the demo district, the service under uvicorn, and
a load from a separate process, with every figure beside its raw-Cypher floor."""
