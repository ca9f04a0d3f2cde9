MATCH (p:Person {id: $personId})
SET p.firstName = $firstName, p.middleName = $middleName, p.lastName = $lastName,
    p.suffix = $suffix, p.preferredName = $preferredName, p.birthDate = $birthDate,
    p.gender = $gender, p.studentNumber = $studentNumber, p.stateId = $stateId,
    p.staffEmployeeId = $staffEmployeeId,
    p.firstNameKey = $firstNameKey, p.lastNameKey = $lastNameKey
RETURN p {.*} AS person
