package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"}, // an escape sequence in the text stays text
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestWriteGitHub(t *testing.T) {
	r := &Report{Findings: []Finding{
		{Check: "queryinloop", Severity: "high", File: "internal/store/a,b.go", Line: 86, Column: 10,
			Message: "runs once per row: 100% of\nthe time", Suggestion: "JOIN",
			Routes: []RouteRef{{Method: "GET", Pattern: "/orders/{id}", Rate: 1200}}},
		{Check: "missingindex", Severity: "medium", File: "x.go", Line: 0, Column: 0, Message: "m"},
		{Check: "selectstar", Severity: "low", File: "y.go", Line: 3, Column: 1, Message: "n", Suggestion: "n"},
	}, Errors: []Problem{
		{File: "migrations/1.sql", Line: 2, Message: "syntax error"},
		{Package: "example.com/x", Message: "undefined: y"},
	}, Traffic: &Traffic{File: "t.json", Format: "json"}}
	var b bytes.Buffer
	if err := WriteGitHub(&b, r, Options{PathPrefix: "svc"}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"::error file=svc/internal/store/a%2Cb.go,line=86,col=10,title=sqlheat queryinloop::runs once per row: 100%25 of%0Athe time%0Aroutes: GET /orders/{id} 1,200 req/min%0Asuggestion: JOIN",
		"::warning file=svc/x.go,line=1,col=1,title=sqlheat missingindex::m", // lines and columns start at 1
		"::notice file=svc/y.go,line=3,col=1,title=sqlheat selectstar::n",    // a suggestion the message has is not repeated
		"::warning file=svc/migrations/1.sql,line=2,title=sqlheat::syntax error",
		"::warning title=sqlheat::example.com/x: undefined: y",
	}
	got := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Every command is one line: nothing in a message may start another.
	for _, line := range got {
		if strings.Count(line, "::") != 2 || !strings.HasPrefix(line, "::") {
			t.Errorf("not one workflow command: %q", line)
		}
	}
}
