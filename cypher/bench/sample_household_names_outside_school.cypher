// Names of households a clerk of school $schoolId may not see on $onDate, none of which
// starts the name of a household listed at that school: searched for, each finds nothing
// for the clerk, exactly as a name nobody has (the forbidden-vs-missing bench's name search).
MATCH (h:Household)
WITH h, [$schoolId] AS scopeSchoolIds
WHERE NOT
  // @include fragments/household_in_school_scope
  AND NOT EXISTS {
    MATCH (:Household)-[listing:LISTED_AT]->(:School)
    WHERE listing.key STARTS WITH $schoolId + $listingSeparator + h.nameKey
  }
WITH DISTINCT h.name AS name
LIMIT $limit
RETURN name
