module example.com/mount

go 1.22

require github.com/go-chi/chi/v5 v5.5.0

// The router's API from the stubs the analyzer tests use, so that the
// tests need no network.
replace github.com/go-chi/chi/v5 => ../../../../testdata/stubs/src/github.com/go-chi/chi/v5
