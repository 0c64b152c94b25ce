module example.com/routegroup

go 1.22

require github.com/go-pkgz/routegroup v1.6.0

// The route group library's API from the repository's stub, so that the
// test needs no network.
replace github.com/go-pkgz/routegroup => ../../../../testdata/stubs/src/github.com/go-pkgz/routegroup
