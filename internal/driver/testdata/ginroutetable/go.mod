module example.com/ginroutetable

go 1.22

require github.com/gin-gonic/gin v1.10.0

// gin's API from the stubs the analyzer tests use, so that the tests
// need no network.
replace github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
