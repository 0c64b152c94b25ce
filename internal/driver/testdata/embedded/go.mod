module example.com/embedded

go 1.22

require github.com/pressly/goose/v3 v3.0.0

// The migration tool's API from a stub, so that the test needs no network.
replace github.com/pressly/goose/v3 => ./_stubs/goose
