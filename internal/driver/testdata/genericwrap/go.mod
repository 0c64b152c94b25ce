module example.com/genericwrap

go 1.22

require github.com/gin-gonic/gin v1.10.0

// The library's API from the stubs the analyzer tests use.
replace github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
