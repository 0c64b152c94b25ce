module example.com/notes

go 1.22

require (
	github.com/knadh/goyesql/v2 v2.2.0
	github.com/qustavo/dotsql v1.2.0
)

// Local stand-ins for the two loaders (their API, not their code), so
// that the tests need no network.
replace (
	github.com/knadh/goyesql/v2 => ./third_party/goyesql
	github.com/qustavo/dotsql => ./third_party/dotsql
)
