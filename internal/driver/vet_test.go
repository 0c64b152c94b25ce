package driver

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// Under go vet, each process's collector is paced for a short life
// (tuneGC), unless the user paced it.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	tuneGC()
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GC percent = %d, want 400", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 256<<20 {
		t.Errorf("memory limit = %d, want 256 MiB", got)
	}

	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150)
	tuneGC()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("with GOGC set, GC percent = %d, want the user's 150", got)
	}
}

// A package of the standard library that go vet hands over only for its
// facts is type-checked but not analyzed (standardFactsOnly); one of the
// module, one of GOPATH, and one the user vets are analyzed.
func TestStandardFactsOnly(t *testing.T) {
	tmp := t.TempDir()
	goroot := filepath.Join(tmp, "goroot")
	gopath := filepath.Join(tmp, "gopath")
	for _, d := range []string{
		filepath.Join(goroot, "src", "runtime"),
		filepath.Join(goroot, "src", "net", "http"),
		filepath.Join(gopath, "src", "example.com", "store"),
	} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		cfg  map[string]any
		want bool
	}{
		{"std dependency", map[string]any{"ImportPath": "net/http", "Dir": filepath.Join(goroot, "src", "net", "http"), "VetxOnly": true}, true},
		{"std vetted", map[string]any{"ImportPath": "net/http", "Dir": filepath.Join(goroot, "src", "net", "http"), "VetxOnly": false}, false},
		{"module dependency", map[string]any{"ImportPath": "example.com/store", "Dir": filepath.Join(tmp, "mod", "store"), "ModulePath": "example.com", "VetxOnly": true}, false},
		{"module since 1.27", map[string]any{"ImportPath": "net/http", "Dir": filepath.Join(goroot, "src", "net", "http"), "Module": map[string]string{"Path": "example.com"}, "VetxOnly": true}, false},
		{"GOPATH dependency", map[string]any{"ImportPath": "example.com/store", "Dir": filepath.Join(gopath, "src", "example.com", "store"), "VetxOnly": true}, false},
		{"elsewhere", map[string]any{"ImportPath": "net/http", "Dir": filepath.Join(tmp, "other"), "VetxOnly": true}, false},
	}
	for i, tt := range tests {
		data, err := json.Marshal(tt.cfg)
		if err != nil {
			t.Fatal(err)
		}
		cfg := filepath.Join(tmp, fmt.Sprintf("%d.cfg", i))
		if err := os.WriteFile(cfg, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := standardFactsOnly(cfg); got != tt.want {
			t.Errorf("%s: standardFactsOnly = %v, want %v", tt.name, got, tt.want)
		}
	}
	if standardFactsOnly(filepath.Join(tmp, "missing.cfg")) {
		t.Error("a missing configuration file is a standard package's")
	}
}

// skipRuns leaves each analyzer, and what it requires, returning the
// zero value of its result type: the driver checks the type of what each
// returns.
func TestSkipRuns(t *testing.T) {
	ran := false
	base := &analysis.Analyzer{
		Name:       "base",
		Doc:        "base",
		ResultType: reflect.TypeFor[*strings.Builder](),
		Run:        func(*analysis.Pass) (any, error) { ran = true; return new(strings.Builder), nil },
	}
	top := &analysis.Analyzer{
		Name:     "top",
		Doc:      "top",
		Requires: []*analysis.Analyzer{base},
		Run:      func(*analysis.Pass) (any, error) { ran = true; return nil, nil },
	}
	skipRuns([]*analysis.Analyzer{top})
	res, err := base.Run(nil)
	if b, ok := res.(*strings.Builder); err != nil || !ok || b != nil {
		t.Errorf("base returns %#v, %v; want a nil *strings.Builder", res, err)
	}
	if res, err := top.Run(nil); res != nil || err != nil {
		t.Errorf("top returns %#v, %v; want nil", res, err)
	}
	if ran {
		t.Error("an analyzer's own Run ran")
	}
}
