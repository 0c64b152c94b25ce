module example.com/ctorhandlers

go 1.22

require github.com/gorilla/mux v1.8.1

// The library's API from the stubs the analyzer tests use.
replace github.com/gorilla/mux => ../../../../testdata/stubs/src/github.com/gorilla/mux
