package traffic

import (
	"strings"
	"testing"
)

// The same routes, written in each hand-written shape, read alike.
var feedRoutes = []string{
	"GET /v1/feeds=1200",
	"GET /v1/feeds/{}=850.5",
	"POST /v1/feeds/{}/entries=40",
	"GET /v1/users/{}=300",
	"ANY /healthz=60",
	"DELETE /v1/feeds/{}=0.5",
}

func TestRouteMaps(t *testing.T) {
	for _, tt := range []struct {
		path   string
		format Format
		extra  []string
	}{
		{"testdata/routes.json", FormatJSON, nil},
		{"testdata/routes.yaml", FormatYAML, nil},
		{"testdata/routes.csv", FormatCSV, []string{"ANY /metrics=2"}},
	} {
		p := mustLoad(t, tt.path, "", Options{})
		if p.Format != tt.format || p.Relative {
			t.Errorf("%s: format %q relative %v, want %q false", tt.path, p.Format, p.Relative, tt.format)
		}
		checkRates(t, p, append(tt.extra, feedRoutes...)...)
		checkWarnings(t, p)
	}
}

func TestRouteLists(t *testing.T) {
	p := mustLoad(t, "testdata/routes_list.json", "", Options{})
	checkRates(t, p,
		"GET /v1/feeds=1200",
		"GET /v1/feeds/{}=850.5", // {feedID} and :id are one route: summed
		"POST /v1/feeds/{}/entries=40",
		"ANY /healthz=60",
		"GET /v1/search=12",
	)
	for _, r := range p.Routes {
		if r.Path == "/v1/feeds/{}" && r.Pattern != "GET /v1/feeds/{feedID}" {
			t.Errorf("display pattern %q, want the first spelling", r.Pattern)
		}
	}

	p = mustLoad(t, "testdata/routes_list.yaml", "", Options{})
	checkRates(t, p, "GET /v1/feeds=1200", "GET /v1/feeds/{}=850.5", "POST /v1/feeds/{}/entries=40", "ANY /healthz=60")

	p = mustLoad(t, "testdata/routes_reordered.csv", "", Options{})
	checkRates(t, p, "GET /v1/feeds=1200", "GET /v1/feeds/{}=850.5")
}

func TestForcedFormat(t *testing.T) {
	// JSON is YAML too, so a user who says yaml is not wrong.
	p := mustLoad(t, "testdata/routes.json", "yaml", Options{})
	checkRates(t, p, feedRoutes...)

	_, err := Load("testdata/routes.csv", "pgss", Options{})
	if want := `testdata/routes.csv:1: header has no "query" column`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("routes.csv as pg_stat_statements: %v, want %s...", err, want)
	}
	_, err = Load("testdata/routes.json", "pgss", Options{})
	if want := "testdata/routes.json:1:1: a pg_stat_statements export is a list of rows, not a map"; err == nil || err.Error() != want {
		t.Errorf("routes.json as pg_stat_statements: %v, want %s", err, want)
	}
	if _, err := Load("testdata/routes.json", "xml", Options{}); err == nil || !strings.Contains(err.Error(), `unknown traffic profile format "xml"`) {
		t.Errorf("format xml: %v", err)
	}
}

func TestInlineShapes(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"a.json", `{"GET /a": "12.5"}`, "GET /a=12.5"},
		{"a.json", `{"GET /a": 1, "GET /a/": 2, "/a/{$}": 3}`, "ANY /a/{$}=3\nGET /a/{...}=2\nGET /a=1"},
		{"a.json", `[{"method":"*","pattern":"/a","rate":1},{"method":"any","pattern":"/a","rate":2}]`, "ANY /a=3"},
		{"a.yaml", "- {pattern: /a, rate: 1e3}\n", "ANY /a=1000"},
		{"a.yaml", "base: &r 5\nGET /a: *r\n", "ANY base=5\nGET /a=5"},
		{"a.yaml", "api.(*H).Orphan: 7\n", "ANY api.(*H).Orphan=7"}, // a handler shown by name
		{"t.csv", "\ufeffpattern,rate\n/a,1\n", "ANY /a=1"},         // Excel's byte order mark
		{"t.csv", "PATTERN\tRATE\n/a\t2\n", "ANY /a=2"},
		{"t.csv", "route,rate,method\n/a,1,get\n/a,2,GET\n", "GET /a=3"},
	} {
		p, err := Parse(strings.NewReader(tt.in), tt.name, "", Options{})
		if err != nil {
			t.Errorf("%s %q: %v", tt.name, tt.in, err)
			continue
		}
		if got := rates(p); got != tt.want {
			t.Errorf("%s %q:\n%s\nwant:\n%s", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestInlineErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"a.json", `{"GET /a": 1e999}`, `a.json:1:12: rate "1e999" is not a number`},
		{"a.json", `{"GET /a": null}`, `a.json:1:12: rate for "GET /a" is missing`},
		{"a.json", `{"GET /a": [1]}`, `a.json:1:12: rate for "GET /a" must be a number, not a list`},
		{"a.json", `{"": 1}`, `a.json:1:2: route pattern is empty`},
		{"a.json", `[{"method":"GET POST","pattern":"/a","rate":1}]`, `a.json:1:2: method "GET POST" is not an HTTP method`},
		{"a.json", `[[1]]`, `a.json:1:2: route must be a map with method, pattern and rate, not a list`},
		{"a.json", `[{"pattern":{"x":1},"rate":1}]`, `a.json:1:13: pattern must be a string, not a map`},
		{"a.json", strings.Repeat("[", 100), "a.json:1:33: nesting too deep"},
		{"a.yaml", "GET /a: true\n", `a.yaml:1:9: rate "true" is not a number`},
		{"a.yaml", "? [a]\n: 1\n", `a.yaml:1:3: route must be a string, not a list`},
		{"a.yaml", "GET /a: 1\nGET /a: 2\n", `a.yaml:2:1: route "GET /a" is listed twice (first at line 1)`},
		{"a.json", "{\"GET /a\": 1,\n \"GET /a\": 2}", `a.json:2:2: route "GET /a" is listed twice (first at line 1)`},
		{"t.csv", "method,pattern,rate\nGET,,1\n", "t.csv:2:5: route pattern is empty"},
		{"t.csv", "method,pattern,rate\nGET,/a,Inf\n", `t.csv:2:8: rate "Inf" is not a finite number`},
	} {
		_, err := Parse(strings.NewReader(tt.in), tt.name, "", Options{})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s %q:\n got %v\nwant %s", tt.name, tt.in, err, tt.want)
		}
	}
}

func TestYAMLMultiDocument(t *testing.T) {
	p, err := Parse(strings.NewReader("GET /a: 1\n---\nGET /b: 2\n"), "two.yaml", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkRates(t, p, "GET /a=1")
	checkWarnings(t, p, "two.yaml: only the first YAML document is read; another starts at line 2")
}
