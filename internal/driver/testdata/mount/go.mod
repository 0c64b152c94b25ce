module example.com/mount

go 1.22

require (
	example.net/cond v0.0.0
	github.com/gin-gonic/gin v1.10.0
	github.com/go-chi/chi/v5 v5.5.0
	github.com/gorilla/mux v1.8.1
)

// The routers' APIs from the stubs the analyzer tests use, so that the
// tests need no network; a dependency of the test's own.
replace (
	example.net/cond => ./_stubs/cond
	github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
	github.com/go-chi/chi/v5 => ../../../../testdata/stubs/src/github.com/go-chi/chi/v5
	github.com/gorilla/mux => ../../../../testdata/stubs/src/github.com/gorilla/mux
)
