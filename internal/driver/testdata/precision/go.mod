module example.com/precision

go 1.23

require (
	example.net/events v0.1.0
	example.net/router v0.1.0
	go.uber.org/fx v1.23.0
)

// The frameworks' APIs from the stubs the analyzer tests use, so that the
// tests need no network.
replace (
	example.net/events => ../../../../testdata/stubs/src/example.net/events
	example.net/router => ../../../../testdata/stubs/src/example.net/router
	go.uber.org/fx => ../../../../testdata/stubs/src/go.uber.org/fx
)
