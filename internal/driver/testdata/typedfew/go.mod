module example.com/typedfew

go 1.23

require github.com/spf13/cobra v1.8.0

// The CLI framework's API from the stubs the analyzer tests use, so that
// the tests need no network.
replace github.com/spf13/cobra => ../../../../testdata/stubs/src/github.com/spf13/cobra
