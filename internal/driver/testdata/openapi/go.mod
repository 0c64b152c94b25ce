module example.com/openapi

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.0
	github.com/gorilla/mux v1.8.1
)

// The routers' API from the stubs the analyzer tests use.
replace (
	github.com/go-chi/chi/v5 => ../../../../testdata/stubs/src/github.com/go-chi/chi/v5
	github.com/gorilla/mux => ../../../../testdata/stubs/src/github.com/gorilla/mux
)
