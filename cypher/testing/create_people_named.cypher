// $count bare people sharing the last name $lastName (for tests of a read too broad to page
// through): no household, no enrolment, so outside every school's scope. Auto-commit only,
// in batches, so that a large count fits the test server's small heap.
UNWIND range(1, $count) AS n
CALL (n) {
  CREATE (:Person {
    id: $idPrefix + toString(n), firstName: 'P' + toString(n), lastName: $lastName,
    firstNameKey: 'p' + toString(n), lastNameKey: $lastNameKey, version: 1
  })
} IN TRANSACTIONS OF 20000 ROWS
