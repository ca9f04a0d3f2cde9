// How many of $householdIds and $personIds name a household or a person in this database:
// the benchmark opens the same records in every size (a smaller demo district is a prefix of
// a larger one, so they exist in both) and checks they do before it measures.
RETURN
  COUNT { UNWIND $householdIds AS id MATCH (:Household {id: id}) } AS households,
  COUNT { UNWIND $personIds AS id MATCH (:Person {id: id}) } AS people
