// Schools belong to the staff/access side; the household tests only need one to point at.
CREATE (s:School {id: $id, name: $name, createdAt: datetime(), createdBy: 'test',
                  updatedAt: datetime(), updatedBy: 'test', version: 1})
RETURN s.id AS id
