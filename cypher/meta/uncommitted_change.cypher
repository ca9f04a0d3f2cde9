// A change that is never committed: Neo4j caches the plan of a statement run in a transaction
// with uncommitted changes apart from the same statement's plan in a clean one, so
// db/warm_plans.py makes one before it plans a statement the service runs after a write.
CREATE ()
