// How many grants are in each status, for the metrics scrape: one index count per status.
UNWIND $statuses AS status
CALL (status) {
  MATCH (g:AccessGrant {status: status})
  RETURN count(g) AS grants
}
RETURN status, grants
