module example.com/chains

go 1.22

require github.com/justinas/alice v1.2.0

// The middleware chain library's API from a stub, so that the test needs
// no network.
replace github.com/justinas/alice => ./_stubs/alice
