module example.com/pathguard

go 1.22

require (
	github.com/beego/beego/v2 v2.3.8
	github.com/gin-gonic/gin v1.10.0
)

// The frameworks' APIs from the stubs the analyzer tests use, so that the
// tests need no network.
replace (
	github.com/beego/beego/v2 => ../../../../testdata/stubs/src/github.com/beego/beego/v2
	github.com/gin-gonic/gin => ../../../../testdata/stubs/src/github.com/gin-gonic/gin
)
