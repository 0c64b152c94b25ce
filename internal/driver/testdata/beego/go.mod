module example.com/beegoapp

go 1.22

require github.com/beego/beego/v2 v2.3.8

// beego's API from the stubs the analyzer tests use, so that the tests
// need no network.
replace github.com/beego/beego/v2 => ../../../../testdata/stubs/src/github.com/beego/beego/v2
