// Household `h` comes after the page's cursor in the household searches' keyset order
// (nameKey, id): services/searches.py HOUSEHOLD_ORDER, $afterKey and $afterId.
(h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId))
