module example.com/gfcmd

go 1.22

require github.com/gogf/gf/v2 v2.0.0

// GoFrame's API from the stubs the analyzer tests use, so that the tests
// need no network.
replace github.com/gogf/gf/v2 => ../../../../testdata/stubs/src/github.com/gogf/gf/v2
