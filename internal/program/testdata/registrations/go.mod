module example.com/registrations

go 1.25

require go.uber.org/fx v1.23.0

// fx's API from the stubs the analyzer tests use, so that the tests need
// no network.
replace go.uber.org/fx => ../../../../testdata/stubs/src/go.uber.org/fx
