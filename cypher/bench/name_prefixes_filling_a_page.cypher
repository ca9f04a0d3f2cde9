// Which of the name keys $prefixes give a clerk of school $schoolId a full page: $limit
// households in scope on $onDate whose name key starts with it. The search page's terms, so
// that every size of the benchmark answers pages of the same length (a three-letter prefix
// found 14.6 households on average at 10,000 households and a full 20 at a million, where each
// school lists ten times more: the larger size's pages held more, not read slower).
UNWIND $prefixes AS prefix
CALL (prefix) {
  MATCH (h:Household)-[listing:LISTED_AT]->(:School)
  WHERE listing.key STARTS WITH $schoolId + $listingSeparator + prefix
  WITH h, [$schoolId] AS scopeSchoolIds
  WHERE
    // @include fragments/household_in_school_scope
  WITH h LIMIT $limit
  RETURN count(h) AS found
}
WITH prefix, found WHERE found = $limit
RETURN prefix
