module example.com/bus

go 1.22

require github.com/julienschmidt/httprouter v1.3.0

// httprouter's API from the stub the analyzer tests use, so that the
// tests need no network.
replace github.com/julienschmidt/httprouter => ../../../../testdata/stubs/src/github.com/julienschmidt/httprouter
