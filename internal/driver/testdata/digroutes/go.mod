module example.com/digroutes

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	go.uber.org/dig v1.18.0
)

// The frameworks' APIs from the stubs the analyzer tests use, so that the
// tests need no network.
replace (
	github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
	go.uber.org/dig => ../../../../testdata/stubs/src/go.uber.org/dig
)
