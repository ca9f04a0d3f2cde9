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
    MATCH (a:Person), (b:Person)
    WHERE a.lastNameKey = b.lastNameKey AND a.firstNameKey = b.firstNameKey
      AND a.birthDate = b.birthDate AND a.id < b.id
    RETURN a, b
    UNION
    MATCH (a:Person)-[m1:MEMBER_OF]->(:Household)<-[m2:MEMBER_OF]-(b:Person)
    WHERE a.lastNameKey = b.lastNameKey AND a.firstNameKey = b.firstNameKey AND a.id < b.id
      AND m1.startDate <= $asOf AND (m1.endDate IS NULL OR m1.endDate >= $asOf)
      AND m2.startDate <= $asOf AND (m2.endDate IS NULL OR m2.endDate >= $asOf)
    RETURN a, b
    UNION
    MATCH (a:Person)-[l1:HAS_PHONE]->(:Phone)<-[l2:HAS_PHONE]-(b:Person)
    WHERE a.birthDate = b.birthDate
      AND (a.lastNameKey < b.lastNameKey OR (a.lastNameKey = b.lastNameKey
        AND (a.firstNameKey < b.firstNameKey OR (a.firstNameKey = b.firstNameKey AND a.id < b.id))))
      AND l1.startDate <= $asOf AND (l1.endDate IS NULL OR l1.endDate >= $asOf)
      AND l2.startDate <= $asOf AND (l2.endDate IS NULL OR l2.endDate >= $asOf)
    RETURN a, b
  }
  WITH a, b WHERE a.mergedIntoId IS NULL AND b.mergedIntoId IS NULL
  RETURN count(*) AS duplicatePersonCandidates
}
RETURN studentWithoutGuardian, moreThanTwoGuardians, guardianUnder18,
  householdWithoutPhysicalAddress, severalPrimaryMemberships, guardianInSeveralHouseholds,
  relationshipWithoutTypeOrStart, duplicatePersonCandidates
