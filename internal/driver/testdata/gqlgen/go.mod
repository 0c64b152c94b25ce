module example.com/gqlgen

go 1.22

require (
	github.com/99designs/gqlgen v0.17.64
	github.com/gin-gonic/gin v1.10.0
)

// The libraries' APIs from the stubs the analyzer tests use.
replace (
	github.com/99designs/gqlgen => ../../../../testdata/stubs/src/github.com/99designs/gqlgen
	github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
)
