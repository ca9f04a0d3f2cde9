// The body of an EXISTS: people `sharerA` and `sharerB` are both members of one household on
// $asOf, which is what makes their relationship a household relationship (derived, never
// stored). Bind the two with a leading `WITH x AS sharerA, y AS sharerB`.
MATCH (sharerA)-[sharedA:MEMBER_OF]->(:Household)<-[sharedB:MEMBER_OF]-(sharerB)
WHERE sharedA.startDate <= $asOf
  AND (sharedA.endDate IS NULL OR sharedA.endDate >= $asOf)
  AND sharedB.startDate <= $asOf
  AND (sharedB.endDate IS NULL OR sharedB.endDate >= $asOf)
