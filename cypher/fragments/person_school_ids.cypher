// The ids of the schools person `p` is enrolled at on $asOf.
COLLECT {
  MATCH (p)-[placedStudent:ENROLLED_AT]->(placedSchool:School)
  WHERE placedStudent.startDate <= $asOf
    AND (placedStudent.endDate IS NULL OR placedStudent.endDate >= $asOf)
  RETURN DISTINCT placedSchool.id
}
