module example.com/unreadlib

go 1.22

require github.com/gocraft/dbr/v2 v2.0.0

// dbr, a query builder sqlheat does not read: a stub of the calls used.
replace github.com/gocraft/dbr/v2 => ./_stubs/dbr
