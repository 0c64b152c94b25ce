package traffic

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

var feedMux = httppattern.NewMatcher(
	"GET /v1/feeds",
	"GET /v1/feeds/{id}",
	"POST /v1/feeds/{id}/entries",
	"GET /healthz",
)

// access.log spans 10:00:00 to 10:10:00: rates are requests over ten
// minutes.
var accessRates = []string{
	"GET /v1/feeds=1.7",             // 12 with query strings, 4 plain, 1 absolute-form
	"GET /v1/feeds/{}=1",            // 8 numeric, "abc", and Frank's
	"POST /v1/feeds/{}/entries=0.3", // 3
	"GET /healthz=0.5",              // 5 HEAD, served by GET
}

var accessLoadWarnings = []string{
	`testdata/access.log: skipped 1 malformed lines (first at line 44: unterminated "request")`,
	`testdata/access.log: 2 requests were not "METHOD path" (probes, TLS on a plain port) and match no route`,
}

func TestAccessLog(t *testing.T) {
	p := mustLoad(t, "testdata/access.log", "", Options{Routes: feedMux})
	if p.Format != FormatAccessLog || p.Relative || p.NeedsResolve() {
		t.Errorf("format %q relative %v needs resolve %v", p.Format, p.Relative, p.NeedsResolve())
	}
	checkRates(t, p, accessRates...)
	if p.Requests != 43 || p.Unmatched != 8 {
		t.Errorf("requests %d unmatched %d, want 43 and 8", p.Requests, p.Unmatched)
	}
	want := []PathCount{{"/favicon.ico", 3}, {"/wp-login.php", 2}, {"/v1/feeds", 1}} // DELETE: a 405
	if len(p.TopUnmatched) != len(want) {
		t.Fatalf("top unmatched %v, want %v", p.TopUnmatched, want)
	}
	for i := range want {
		if p.TopUnmatched[i] != want[i] {
			t.Errorf("top unmatched %v, want %v", p.TopUnmatched, want)
		}
	}
	checkWarnings(t, p, append(accessLoadWarnings,
		"testdata/access.log: 8 of 43 requests matched no route; most often /favicon.ico (3), /wp-login.php (2), /v1/feeds (1)")...)
}

func TestAccessLogResolveLater(t *testing.T) {
	// The driver reads the profile first (to fail fast on a bad one) and
	// attributes it once the routes are known.
	p := mustLoad(t, "testdata/access.log", "", Options{})
	if !p.NeedsResolve() || len(p.Routes) != 0 {
		t.Fatalf("NeedsResolve %v with %d routes before Resolve", p.NeedsResolve(), len(p.Routes))
	}
	checkWarnings(t, p, accessLoadWarnings...)

	p.Resolve(httppattern.NewMatcher("/"))
	checkRates(t, p, "ANY /{...}=4.1") // all 41 real requests, 2 probes unmatched

	p.Resolve(feedMux) // again, with the real routes: no stale warnings
	checkRates(t, p, accessRates...)
	if len(p.Warnings) != 3 {
		t.Errorf("warnings after a second Resolve: %q", p.Warnings)
	}
}

func TestLoadAccessLog(t *testing.T) {
	f, err := os.Open("testdata/access.log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := LoadAccessLog(f, "access.log", feedMux)
	if err != nil {
		t.Fatal(err)
	}
	checkRates(t, p, accessRates...)
}

func TestAccessLogOneInstant(t *testing.T) {
	const log = `10.0.0.1 - - [12/Mar/2024:10:00:00 +0100] "GET /v1/feeds HTTP/1.1" 200 5
10.0.0.1 - - [12/Mar/2024:09:00:00 +0000] "GET /v1/feeds/7 HTTP/1.0" 200 5
10.0.0.1 - - [12/Mar/2024:09:00:00 +0000] "GET /v1/feeds/8" 200 -
`
	// +0100 and +0000: one instant. Without a span, shares of traffic.
	p, err := LoadAccessLog(strings.NewReader(log), "a.log", feedMux)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Relative {
		t.Error("not Relative")
	}
	checkRates(t, p, "GET /v1/feeds=33.3333", "GET /v1/feeds/{}=66.6667")
	checkWarnings(t, p, "a.log: every request has the same timestamp; rates are percentages of the requests")
}

func TestParseAccessLine(t *testing.T) {
	tests := []struct {
		line, method, target, err string
	}{
		{`1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326`, "GET", "/apache_pb.gif", ""},
		{`::1 - bob [10/Oct/2000:13:55:36 -0700] "POST /a?b=c HTTP/2.0" 201 - "-" "x"`, "POST", "/a?b=c", ""},
		{`h - - [10/Oct/2000:13:55:36 -0700] "GET /a\"b HTTP/1.1" 200 1`, "GET", `/a"b`, ""},
		{`h - - [10/Oct/2000:13:55:36 -0700] "get /a HTTP/1.1" 200 1`, "", "", errBadRequest.Error()},
		{`h - - [10/Oct/2000:13:55:36 -0700] "CONNECT example.com:443 HTTP/1.1" 200 1`, "", "", errBadRequest.Error()},
		{`h - - [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1"`, "", "", "no status code after the request"},
		{`h - - [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1" 2000 1`, "", "", "no status code after the request"},
		{`h - - [10/Oct/2000:13:55:36] "GET /a HTTP/1.1" 200 1`, "", "", `timestamp "10/Oct/2000:13:55:36" is not like 10/Oct/2000:13:55:36 -0700`},
		{`h - - [10/Oct/2000:13:55:36 -0700 "GET /a HTTP/1.1" 200 1`, "", "", "no [timestamp]"},
		{`h - - [10/Oct/2000:13:55:36 -0700]`, "", "", `no "request" after the timestamp`},
		{`plain text`, "", "", "no [timestamp]"},
	}
	for _, tt := range tests {
		var lp lineParser
		mb, tb, ts, err := lp.parse([]byte(tt.line))
		m, tg := string(mb), string(tb)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if m != tt.method || tg != tt.target || gotErr != tt.err {
			t.Errorf("parseAccessLine(%q) = %q %q %v, want %q %q %v", tt.line, m, tg, err, tt.method, tt.target, tt.err)
		}
		if err == nil && !ts.Equal(time.Date(2000, 10, 10, 20, 55, 36, 0, time.UTC)) {
			t.Errorf("parseAccessLine(%q) time %v", tt.line, ts)
		}
	}
}

func TestAccessLogLongLine(t *testing.T) {
	long := `h - - [10/Oct/2000:13:55:36 -0700] "GET /` + strings.Repeat("a", 100<<10) + ` HTTP/1.1" 200 1`
	log := long + "\n" + `h - - [10/Oct/2000:13:56:36 -0700] "GET /v1/feeds HTTP/1.1" 200 1` + "\n" +
		`h - - [10/Oct/2000:13:57:36 -0700] "GET /v1/feeds HTTP/1.1" 200 1`
	p, err := LoadAccessLog(strings.NewReader(log), "a.log", feedMux)
	if err != nil {
		t.Fatal(err)
	}
	checkRates(t, p, "GET /v1/feeds=2")
	checkWarnings(t, p, "a.log: skipped 1 malformed lines (first at line 1: line longer than 64 KiB)")
}
