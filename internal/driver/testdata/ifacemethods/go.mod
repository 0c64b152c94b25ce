module example.com/ifacemethods

go 1.22

require github.com/gin-gonic/gin v1.10.0

// gin's API from the stubs the analyzer tests use.
replace github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
