CREATE (p:Person {
  id: $id, firstName: $firstName, middleName: $middleName, lastName: $lastName,
  suffix: $suffix, preferredName: $preferredName, birthDate: $birthDate, gender: $gender,
  studentNumber: $studentNumber, stateId: $stateId, staffEmployeeId: $staffEmployeeId,
  firstNameKey: $firstNameKey, lastNameKey: $lastNameKey,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
})
RETURN p {.*} AS person
