// The ids of the households person `p` belongs to on $asOf.
COLLECT {
  MATCH (p)-[placedMember:MEMBER_OF]->(placedHousehold:Household)
  WHERE placedMember.startDate <= $asOf
    AND (placedMember.endDate IS NULL OR placedMember.endDate >= $asOf)
  RETURN DISTINCT placedHousehold.id
}
