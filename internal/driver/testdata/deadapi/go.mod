module example.com/deadapi

go 1.22

require google.golang.org/grpc v1.70.0

// grpc's types from the repository's stub, so that the test needs no network.
replace google.golang.org/grpc => ../../../../testdata/stubs/src/google.golang.org/grpc
