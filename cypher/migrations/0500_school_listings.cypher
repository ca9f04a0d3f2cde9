// A clerk's household search by name reads a per-school name index (LISTED_AT edges from a
// household to each school whose grant could cover it, keyed by school id and name key; see
// fragments/list_household_at_schools) instead of the district's name index: its cost no
// longer grows with the district, and its time no longer depends on households outside the
// caller's scope.
CREATE INDEX household_listing_key IF NOT EXISTS FOR ()-[l:LISTED_AT]-() ON (l.key);
// Every household already stored is listed, a thousand per transaction (the statement runs
// outside a transaction of its own, so a district of any size fits in memory).
MATCH (h:Household)
CALL (h) {
  // @include fragments/list_household_at_schools
} IN TRANSACTIONS OF 1000 ROWS;
