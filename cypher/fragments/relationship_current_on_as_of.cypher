// Edge `childLink_` to person `child_` holds on $asOf, and `child_` is not a merged alias.
childLink_.startDate <= $asOf
AND (childLink_.endDate IS NULL OR childLink_.endDate >= $asOf)
AND child_.mergedIntoId IS NULL
