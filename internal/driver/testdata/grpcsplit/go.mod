module example.com/grpcsplit

go 1.22

require google.golang.org/grpc v1.70.0

// grpc's API from the stubs the analyzer tests use: no network.
replace google.golang.org/grpc => ../../../../testdata/stubs/src/google.golang.org/grpc
