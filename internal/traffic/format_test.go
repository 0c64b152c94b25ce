package traffic

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		name, head string
		want       Format
	}{
		{"traffic.txt", `{"GET /a": 1}`, FormatJSON},
		{"traffic.txt", "\n  [ {\"pattern\": \"/a\", \"rate\": 1} ]", FormatJSON},
		{"traffic.yaml", `{"GET /a": 1}`, FormatYAML}, // flow YAML
		{"traffic", "GET /a: 1\n", FormatYAML},
		{"traffic", "# peak hour\n- pattern: /a\n  rate: 1\n", FormatYAML},
		{"traffic.txt", "method,pattern,rate\nGET,/a,1\n", FormatCSV},
		{"export", "\"userid\",\"query\",\"calls\",\"total_exec_time\"\n", FormatCSV},
		{"scrape.txt", "# HELP x y\n# TYPE x counter\nx 1\n", FormatPrometheus},
		{"scrape", "x_total{route=\"/a\"} 1\n", FormatPrometheus},
		{"scrape", "x_total 1 1712345678000\n", FormatPrometheus},
		{"access.log.1", `h - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1`, FormatAccessLog},
		{"access", `h - - [10/Oct/2000:13:55:36 -0700] "\x16\x03" 400 0`, FormatAccessLog},
		{"error.log", "[10/Oct/2000:13:55:36] upstream timed out", FormatAccessLog},
		{"empty.csv", "", FormatCSV},
		{"empty", "  \n", FormatJSON},
		{"weird.prom", `{"my.metric", route="/a"} 1`, FormatPrometheus},
	} {
		got, ok := sniff([]byte(tt.head), tt.name)
		if !ok || got != tt.want {
			t.Errorf("sniff(%q, %q) = %q %v, want %q", tt.name, tt.head, got, ok, tt.want)
		}
	}
	if f, ok := sniff([]byte("lorem ipsum"), "notes"); ok {
		t.Errorf("sniff(prose) = %q, want no format", f)
	}
}

// TestSniffFixtures checks that every good fixture is recognized by
// content alone, under a name that hints nothing.
func TestSniffFixtures(t *testing.T) {
	want := map[string]Format{
		"routes.json": FormatJSON, "routes_list.json": FormatJSON, "pgss.json": FormatJSON,
		"routes.yaml": FormatYAML, "routes_list.yaml": FormatYAML,
		"routes.csv": FormatCSV, "routes_reordered.csv": FormatCSV, "pgss.csv": FormatCSV, "pgss_pg12.csv": FormatCSV,
		"metrics.prom": FormatPrometheus, "histogram.prom": FormatPrometheus, "handler.prom": FormatPrometheus,
		"access.log": FormatAccessLog,
	}
	for name, f := range want {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := sniff(data, "profile"); got != f {
			t.Errorf("sniff(%s) = %q, want %q", name, got, f)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{
		"": FormatAuto, "auto": FormatAuto, "JSON": FormatJSON, "yml": FormatYAML, "prom": FormatPrometheus,
		"nginx": FormatAccessLog, "Apache": FormatAccessLog, "pgss": FormatPGSS, " csv ": FormatCSV,
	} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml) succeeded")
	}
}
