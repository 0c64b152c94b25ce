module example.com/inventory

go 1.22

require (
	example.net/rest v0.1.0
	github.com/go-chi/chi/v5 v5.5.0
)

// The router's API from the stubs the analyzer tests use, so that the
// tests need no network.
replace github.com/go-chi/chi/v5 => ../../../../testdata/stubs/src/github.com/go-chi/chi/v5

// A REST library outside the module, as github.com/deluan/rest.
replace example.net/rest => ./third_party/rest
