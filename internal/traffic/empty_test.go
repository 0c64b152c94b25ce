package traffic

import (
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// An empty profile, of any format, named by its extension, forced, or
// sniffed, is one warning and no routes: findings are then ranked
// without traffic. Never an error, never two warnings for one file.
func TestEmptyOfEveryFormat(t *testing.T) {
	const warning = "the profile is empty: findings are ranked without traffic"
	for _, tc := range []struct{ name, format, data string }{
		{"t.json", "", ""},
		{"t.json", "", " \n\t\n"},
		{"t.json", "", "\xef\xbb\xbf"},
		{"t.json", "", "{}"},
		{"t.json", "", "[]"},
		{"t.json", "", "null"},
		{"t.yaml", "", ""},
		{"t.yaml", "", "---\n"},
		{"t.yaml", "", "# nothing yet\n"},
		{"t.yaml", "", "{}\n"},
		{"t.yaml", "", "~\n"},
		{"t.csv", "", ""},
		{"t.csv", "", "method,pattern,rate\n"},
		{"t.prom", "", ""},
		{"t.prom", "", "# HELP http_requests_total requests\n# TYPE http_requests_total counter\n"},
		{"access.log", "", ""},
		{"pgss.csv", "pgss", ""},
		{"pgss.csv", "pgss", "query,calls,total_exec_time\n"},
		{"pgss.json", "pgss", "[]"},
		{"traffic", "", ""},
		{"traffic", "json", ""},
		{"traffic", "prometheus", "\n"},
		{"traffic", "accesslog", "\n\n"},
	} {
		p, err := Parse(strings.NewReader(tc.data), tc.name, tc.format, Options{})
		if err != nil {
			t.Errorf("%s (%q, format %q): %v", tc.name, tc.data, tc.format, err)
			continue
		}
		if !p.Empty() || len(p.Warnings) != 1 || p.Warnings[0] != tc.name+": "+warning {
			t.Errorf("%s (%q, format %q): empty %v, warnings %q", tc.name, tc.data, tc.format, p.Empty(), p.Warnings)
		}
	}
}

// A route reads once, whatever spelling the profile gave it.
func TestRouteString(t *testing.T) {
	for _, tc := range []struct {
		r    Route
		want string
	}{
		{Route{Method: "GET", Path: "/a/{}", Pattern: "GET /a/{id}"}, "GET /a/{id}"},
		{Route{Method: "GET", Path: "/a/{}", Pattern: "/a/:id"}, "GET /a/:id"},
		{Route{Method: httppattern.AnyMethod, Path: "/a", Pattern: "/a"}, "/a"},
		{Route{Method: "POST", Path: "/a", Pattern: "post /a"}, "post /a"},
	} {
		if got := tc.r.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.r, got, tc.want)
		}
	}
}
