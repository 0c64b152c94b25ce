module example.com/gateway

go 1.22

require (
	github.com/grpc-ecosystem/grpc-gateway v1.16.0
	github.com/grpc-ecosystem/grpc-gateway/v2 v2.26.0
	google.golang.org/grpc v1.70.0
)

// The RPC runtimes' APIs from the stubs the analyzer tests use, so that
// the tests need no network.
replace (
	github.com/grpc-ecosystem/grpc-gateway => ../../../../testdata/stubs/src/github.com/grpc-ecosystem/grpc-gateway
	github.com/grpc-ecosystem/grpc-gateway/v2 => ../../../../testdata/stubs/src/github.com/grpc-ecosystem/grpc-gateway/v2
	google.golang.org/grpc => ../../../../testdata/stubs/src/google.golang.org/grpc
)
