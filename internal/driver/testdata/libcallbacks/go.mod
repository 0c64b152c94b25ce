module example.com/libcallbacks

go 1.22

require (
	github.com/appleboy/gin-jwt/v2 v2.10.0
	github.com/gin-gonic/gin v1.10.0
)

// The libraries' APIs from the stubs the analyzer tests use.
replace (
	github.com/appleboy/gin-jwt/v2 => ../../../../testdata/stubs/src/github.com/appleboy/gin-jwt/v2
	github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
)
