// How many records break each census rule on $asOf, in one round trip. Each block repeats
// the matching part of its census_<rule>.cypher (the records behind the count); a test holds
// every count equal to its rule's total. Students: a current ENROLLED_AT. Guardians: a
// current incoming RELATED_TO with guardian = true from a live person.
CALL () {
  MATCH (s:Person)-[e:ENROLLED_AT]->(:School)
  WHERE s.mergedIntoId IS NULL
    AND e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
    AND NOT EXISTS {
      MATCH (g:Person)-[r:RELATED_TO]->(s)
      WHERE r.guardian = true AND g.mergedIntoId IS NULL
        AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
    }
  RETURN count(DISTINCT s) AS studentWithoutGuardian
}
CALL () {
  MATCH (s:Person)-[e:ENROLLED_AT]->(:School)
  WHERE s.mergedIntoId IS NULL
    AND e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
  WITH DISTINCT s
  MATCH (g:Person)-[r:RELATED_TO]->(s)
  WHERE r.guardian = true AND g.mergedIntoId IS NULL
    AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
  WITH s, count(DISTINCT g) AS guardians
  WHERE guardians > 2
  RETURN count(s) AS moreThanTwoGuardians
}
CALL () {
  MATCH (g:Person)-[r:RELATED_TO]->(s:Person)
  WHERE r.guardian = true AND g.mergedIntoId IS NULL AND s.mergedIntoId IS NULL
    AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
    AND g.birthDate > $asOf - duration({years: 18})
    AND EXISTS {
      MATCH (s)-[e:ENROLLED_AT]->(:School)
      WHERE e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
    }
  RETURN count(DISTINCT g) AS guardianUnder18
}
CALL () {
  MATCH (p:Person)-[m:MEMBER_OF]->(h:Household)
  WHERE p.mergedIntoId IS NULL
    AND m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
    AND NOT EXISTS {
      MATCH (h)-[l:LOCATED_AT]->(:Address)
      WHERE l.physical = true
        AND l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
    }
  RETURN count(DISTINCT h) AS householdWithoutPhysicalAddress
}
CALL () {
  MATCH (p:Person)-[m:MEMBER_OF]->(h:Household)
  WHERE p.mergedIntoId IS NULL AND coalesce(m.secondary, false) = false
    AND m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
  WITH p, count(DISTINCT h) AS homes
  WHERE homes > 1
  RETURN count(p) AS severalPrimaryMemberships
}
CALL () {
  MATCH (g:Person)-[r:RELATED_TO]->(s:Person)
  WHERE r.guardian = true AND g.mergedIntoId IS NULL AND s.mergedIntoId IS NULL
    AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
    AND EXISTS {
      MATCH (s)-[e:ENROLLED_AT]->(:School)
      WHERE e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
    }
  WITH DISTINCT g
  MATCH (g)-[m:MEMBER_OF]->(h:Household)
  WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
  WITH g, count(DISTINCT h) AS homes
  WHERE homes > 1
  RETURN count(g) AS guardianInSeveralHouseholds
}
CALL () {
  MATCH (a:Person)-[r:RELATED_TO]->(b:Person)
  WHERE a.mergedIntoId IS NULL AND b.mergedIntoId IS NULL
    AND (r.type IS NULL OR trim(r.type) = '' OR r.startDate IS NULL)
    AND (r.endDate IS NULL OR r.endDate >= $asOf)
    AND (r.startDate IS NULL OR r.startDate <= $asOf)
  RETURN count(r) AS relationshipWithoutTypeOrStart
}
CALL () {
  CALL () {
    MATCH (p:Person)
    WHERE p.birthDate IS NOT NULL AND p.mergedIntoId IS NULL
    WITH p ORDER BY p.lastNameKey, p.firstNameKey, p.id
    WITH p.lastNameKey AS lastKey, p.firstNameKey AS firstKey, p.birthDate AS born,
      collect(p) AS same
    WHERE size(same) > 1
    UNWIND range(0, size(same) - 2) AS i
    UNWIND range(i + 1, size(same) - 1) AS j
    RETURN same[i] AS a, same[j] AS b
    UNION
    MATCH (p:Person)-[m:MEMBER_OF]->(h:Household)
    WHERE p.mergedIntoId IS NULL
      AND m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
    WITH DISTINCT h, p
    ORDER BY p.lastNameKey, p.firstNameKey, p.id
    WITH h, p.lastNameKey AS lastKey, p.firstNameKey AS firstKey, collect(p) AS same
    WHERE size(same) > 1
    UNWIND range(0, size(same) - 2) AS i
    UNWIND range(i + 1, size(same) - 1) AS j
    RETURN same[i] AS a, same[j] AS b
    UNION
    MATCH (p:Person)-[l:HAS_PHONE]->(ph:Phone)
    WHERE p.birthDate IS NOT NULL AND p.mergedIntoId IS NULL
      AND l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
    WITH DISTINCT ph, p
    ORDER BY p.lastNameKey, p.firstNameKey, p.id
    WITH ph, p.birthDate AS born, collect(p) AS same
    WHERE size(same) > 1
    UNWIND range(0, size(same) - 2) AS i
    UNWIND range(i + 1, size(same) - 1) AS j
    RETURN same[i] AS a, same[j] AS b
  }
  WITH DISTINCT a, b
  RETURN count(*) AS duplicatePersonCandidates
}
RETURN studentWithoutGuardian, moreThanTwoGuardians, guardianUnder18,
  householdWithoutPhysicalAddress, severalPrimaryMemberships, guardianInSeveralHouseholds,
  relationshipWithoutTypeOrStart, duplicatePersonCandidates
