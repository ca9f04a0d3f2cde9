// The sweep takes each candidate's write lock before it reads their facts, as an event does
// (lock_staff), so a transition that another sweep or an event committed meanwhile is read
// and not applied a second time. Ids arrive sorted: locks taken in one order don't deadlock.
UNWIND $employeeIds AS employeeId
MATCH (s:Staff {employeeId: employeeId})
SET s._LOCK_ = true
REMOVE s._LOCK_
