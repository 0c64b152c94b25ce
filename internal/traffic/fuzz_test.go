package traffic

import (
	"bytes"
	"math"
	"testing"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// The fuzz targets call parse, not Parse, so that a panic is a failure
// here instead of an error that Parse's recover would hide. Seeds live in
// testdata/fuzz/<FuzzName>/, crashers found so far among them.

func FuzzAccessLog(f *testing.F) {
	f.Add([]byte(`1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /v1/feeds/7?x=1 HTTP/1.1" 200 2326 "-" "curl/8"` + "\n"))
	m := httppattern.NewMatcher("GET /v1/feeds", "GET /v1/feeds/{id}", "/static/", "POST /v1/{a}/{b...}")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(bytes.NewReader(data), "fuzz.log", FormatAccessLog, Options{Routes: m})
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		if p.Unmatched > p.Requests || p.Unmatched < 0 {
			t.Fatalf("unmatched %d of %d requests", p.Unmatched, p.Requests)
		}
		checkProfile(t, p)
	})
}

func FuzzPrometheus(f *testing.F) {
	f.Add([]byte("# TYPE http_requests_total counter\nhttp_requests_total{method=\"get\",route=\"/a/{id}\"} 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(bytes.NewReader(data), "fuzz.prom", FormatPrometheus, Options{})
		if err != nil {
			return
		}
		checkProfile(t, p)
		if p.Relative && len(p.Routes) > 0 {
			sum := 0.0
			for _, r := range p.Routes {
				sum += r.Rate
			}
			if sum > 100.0001 {
				t.Fatalf("relative rates sum to %v%%", sum)
			}
		}
	})
}

// FuzzLoad sniffs the format from the content and a name whose extension
// the fuzzer chooses.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"GET /a": 1}`), "t.json")
	f.Add([]byte("method,pattern,rate\nGET,/a,1\n"), "t.csv")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		p, err := parse(bytes.NewReader(data), name, FormatAuto, Options{Routes: httppattern.NewMatcher("/")})
		if err != nil {
			return
		}
		checkProfile(t, p)
	})
}

func checkProfile(t *testing.T, p *Profile) {
	t.Helper()
	for _, r := range p.Routes {
		if math.IsNaN(r.Rate) || math.IsInf(r.Rate, 0) || r.Rate < 0 {
			t.Fatalf("route %s has rate %v", r.Key(), r.Rate)
		}
	}
	for _, s := range p.Statements {
		if s.Calls < 0 || s.TotalTime < 0 || math.IsNaN(s.TotalTime) {
			t.Fatalf("statement %+v", s)
		}
	}
	if len(p.TopUnmatched) > topUnmatched {
		t.Fatalf("%d top unmatched paths", len(p.TopUnmatched))
	}
}
