package traffic

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestEmptyProfiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/empty/*")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range files {
		p, err := Load(path, "", Options{})
		if err != nil {
			t.Errorf("Load(%s): %v; an empty profile is not an error", path, err)
			continue
		}
		if !p.Empty() {
			t.Errorf("%s: not empty: %+v", path, p.Routes)
		}
		last := ""
		if len(p.Warnings) > 0 {
			last = p.Warnings[len(p.Warnings)-1]
		}
		if want := path + ": the profile is empty: findings are ranked without traffic"; last != want {
			t.Errorf("%s: warnings %q, want last %q", path, p.Warnings, want)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/nope.json", "", Options{})
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "testdata/nope.json") {
		t.Errorf("Load(missing) = %v", err)
	}
}

func TestRate(t *testing.T) {
	p := &Profile{Routes: []Route{
		{Method: "GET", Path: "/users/{}", Rate: 100},
		{Method: "DELETE", Path: "/users/{}", Rate: 5},
		{Method: "ANY", Path: "/healthz", Rate: 60},
		{Method: "ANY", Path: "api.Orphan", Rate: 3},
	}}
	for _, tt := range []struct {
		method, pattern string
		rate            float64
		ok              bool
	}{
		{"", "GET /users/{id}", 100, true},
		{"GET", "/users/:id", 100, true},
		{"get", "/users/<id>", 100, true},
		{"", "/users/{id}", 105, true}, // a route for every method gets them all
		{"POST", "/users/{id}", 0, false},
		{"GET", "/healthz", 60, true}, // the profile names no method: it covers every one
		{"", "/healthz", 60, true},
		{"", "api.Orphan", 3, true},
		{"", "/nope", 0, false},
	} {
		rate, ok := p.Rate(tt.method, tt.pattern)
		if rate != tt.rate || ok != tt.ok {
			t.Errorf("Rate(%q, %q) = %v %v, want %v %v", tt.method, tt.pattern, rate, ok, tt.rate, tt.ok)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{File: "t.csv", Line: 7, Err: errors.New("boom")}, "t.csv:7: boom"},
		{Error{File: "t.csv", Line: 7, Col: 3, Err: errors.New("boom")}, "t.csv:7:3: boom"},
		{Error{File: "t.csv", Err: errors.New("boom")}, "t.csv: boom"},
		{Error{File: "t.csv", Col: 3, Err: errors.New("boom")}, "t.csv: boom"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.e, got, tt.want)
		}
	}
}
