module example.com/scrape

go 1.22

require github.com/prometheus/client_golang v1.20.0

// The library's API from the stubs the analyzer tests use.
replace github.com/prometheus/client_golang => ../../../../testdata/stubs/src/github.com/prometheus/client_golang
