module example.com/percall

go 1.22

require (
	github.com/go-sql-driver/mysql v1.0.0
	github.com/lib/pq v1.0.0
)

// Drivers as stubs: their import says each implementation's dialect.
replace (
	github.com/go-sql-driver/mysql => ./_stubs/mysql
	github.com/lib/pq => ./_stubs/pq
)
