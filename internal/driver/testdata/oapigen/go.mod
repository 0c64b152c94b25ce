module example.com/oapigen

go 1.22

require github.com/go-chi/chi/v5 v5.0.12

// The library's API from the stubs the analyzer tests use.
replace github.com/go-chi/chi/v5 => ../../../../testdata/stubs/src/github.com/go-chi/chi/v5
