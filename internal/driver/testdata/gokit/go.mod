module example.com/gokit

go 1.22

require (
	github.com/go-kit/kit v0.13.0
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.49.0
	google.golang.org/grpc v1.70.0
)

// The toolkit's API from stubs, so that the test needs no network.
replace (
	github.com/go-kit/kit => ./_stubs/kit
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp => ./_stubs/otelhttp
	google.golang.org/grpc => ../../../../testdata/stubs/src/google.golang.org/grpc
)
