package benchgen

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	t.Parallel()
	for _, n := range []int{6, 10, 37, 250} {
		a, err := Generate(Config{Packages: n, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Generate(Config{Packages: n, Seed: 7})
		if len(a.Files) != len(b.Files) {
			t.Fatalf("n=%d: %d files, then %d", n, len(a.Files), len(b.Files))
		}
		for name, data := range a.Files {
			if !bytes.Equal(data, b.Files[name]) {
				t.Errorf("n=%d: %s differs between two runs with the same seed", n, name)
			}
		}
		if a.Summary != b.Summary {
			t.Errorf("n=%d: summaries differ: %+v, %+v", n, a.Summary, b.Summary)
		}
		if a.Summary.Packages != n {
			t.Errorf("n=%d: generated %d packages", n, a.Summary.Packages)
		}
		if a.Summary.QuerySites == 0 || a.Summary.Loops == 0 || a.Summary.Routes == 0 {
			t.Errorf("n=%d: nothing to find: %+v", n, a.Summary)
		}
		c, _ := Generate(Config{Packages: n, Seed: 8})
		same := len(a.Files) == len(c.Files)
		for name, data := range a.Files {
			same = same && bytes.Equal(data, c.Files[name])
		}
		if same {
			t.Errorf("n=%d: seeds 7 and 8 gave the same module", n)
		}
	}
}

func TestTooSmall(t *testing.T) {
	if _, err := Generate(Config{Packages: 5}); err == nil {
		t.Error("5 packages: no error")
	}
}

// TestVet checks that the generated module builds and that go vet finds
// nothing wrong in it: the benchmarks compare tools on code that is
// clean Go, so vet's own findings would be noise.
func TestVet(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs go vet")
	}
	m, err := Generate(Config{Packages: 23, Seed: 3, Module: "example.com/vetme"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet on the generated module: %v\n%s", err, out)
	}
}

// TestBuildLarge type-checks a module big enough that names run past the
// list of nouns (orders2, Order2...).
func TestBuildLarge(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds 250 packages")
	}
	m, err := Generate(Config{Packages: 250, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(m.Files["cmd/server/main.go"]), "accounts1api") {
		t.Fatalf("250 packages: expected numbered names past the noun list")
	}
	dir := t.TempDir()
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	// go build type-checks and compiles every package; main is not linked.
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build on the generated module: %v\n%s", err, out)
	}
}

func TestSamplePaths(t *testing.T) {
	m, err := Generate(Config{Packages: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	methods, paths := m.SamplePaths(1, 100)
	if len(paths) != 100 || len(methods) != 100 {
		t.Fatalf("%d paths, %d methods", len(paths), len(methods))
	}
	for _, p := range paths {
		if strings.Contains(p, "{") || !strings.HasPrefix(p, "/") {
			t.Errorf("path %q", p)
		}
	}
}
