package traffic

import (
	"strings"
	"testing"
	"time"
)

func TestPrometheusCounter(t *testing.T) {
	// Counters since process start: without a window, shares of traffic.
	p := mustLoad(t, "testdata/metrics.prom", "", Options{})
	if p.Format != FormatPrometheus || !p.Relative {
		t.Errorf("format %q relative %v, want prometheus true", p.Format, p.Relative)
	}
	// 142000 requests in all, 964 of them without a route.
	checkRates(t, p,
		"GET /v1/feeds=59.1549",            // 84000: summed over status codes
		"GET /v1/feeds/{}=35.9366",         // 51030
		"POST /v1/feeds/{}/entries=1.6944", // 2406
		"GET /healthz=2.5352",              // 3600
	)
	checkWarnings(t, p,
		"testdata/metrics.prom: reading http_requests_total; also found http_request_duration_seconds (name the metric to read another)",
		"testdata/metrics.prom: 964 of 142000 requests (0.7%) in http_requests_total have no route label",
	)

	// With the window the counters cover, requests per minute.
	p = mustLoad(t, "testdata/metrics.prom", "prometheus", Options{Window: 1000 * time.Minute})
	if p.Relative {
		t.Error("Relative with a window")
	}
	checkRates(t, p, "GET /v1/feeds=84", "GET /v1/feeds/{}=51.03", "POST /v1/feeds/{}/entries=2.406", "GET /healthz=3.6")

	// A histogram chosen by name, with or without its _count suffix.
	for _, name := range []string{"http_request_duration_seconds", "http_request_duration_seconds_count"} {
		p = mustLoad(t, "testdata/metrics.prom", "", Options{Metric: name})
		checkRates(t, p, "GET /v1/feeds=100")
		checkWarnings(t, p)
	}
}

func TestPrometheusHistogramOTel(t *testing.T) {
	// OpenTelemetry names its labels http_route and http_request_method.
	p := mustLoad(t, "testdata/histogram.prom", "", Options{})
	checkRates(t, p, "GET /v1/feeds=75", "GET /v1/feeds/{}=25")
	checkWarnings(t, p)
}

func TestPrometheusUntypedHandler(t *testing.T) {
	// No TYPE lines, and the handler label holds a ServeMux pattern with
	// its method (what r.Pattern gives an instrumenting middleware).
	p := mustLoad(t, "testdata/handler.prom", "", Options{})
	checkRates(t, p, "GET /v1/feeds=60", "GET /v1/feeds/{}=40")
}

func TestPrometheusLabels(t *testing.T) {
	const scrape = `# TYPE api_calls_total counter
api_calls_total{endpoint="/users/:id",verb="GET",path="/ignored"} 30
api_calls_total{endpoint="/users/:id",verb="DELETE",path="/ignored"} 10
`
	p, err := Parse(strings.NewReader(scrape), "m.prom", "", Options{RouteLabels: []string{"endpoint"}, MethodLabel: "verb"})
	if err != nil {
		t.Fatal(err)
	}
	checkRates(t, p, "GET /users/{}=75", "DELETE /users/{}=25")

	// Defaults: path is a route label, and there is no method label.
	p, err = Parse(strings.NewReader(scrape), "m.prom", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRates(t, p, "ANY /ignored=100")
}

func TestPrometheusOddValues(t *testing.T) {
	const scrape = `# TYPE http_requests_total counter
http_requests_total{route="/a"} 10
http_requests_total{route="/b"} NaN
http_requests_total{route="/c"} -4
`
	p, err := Parse(strings.NewReader(scrape), "m.prom", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRates(t, p, "ANY /a=100")
	checkWarnings(t, p,
		`m.prom: http_requests_total{route="/b"}: value is not a count; skipped`,
		`m.prom: http_requests_total{route="/c"}: value is not a count; skipped`,
	)
}

func TestPrometheusErrors(t *testing.T) {
	_, err := Load("testdata/metrics.prom", "", Options{Metric: "nope_total"})
	if want := `testdata/metrics.prom: no metric "nope_total"`; err == nil || err.Error() != want {
		t.Errorf("missing metric: %v, want %s", err, want)
	}
	_, err = Load("testdata/metrics.prom", "", Options{Metric: "go_goroutines"})
	if want := `testdata/metrics.prom: metric "go_goroutines" has none of the route labels route, path, handler, pattern, http_route`; err == nil || err.Error() != want {
		t.Errorf("unlabelled metric: %v, want %s", err, want)
	}
}
