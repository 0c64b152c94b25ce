package driver

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Language versions decide: a newer patch release of the same Go is no
// newer language.
func TestTooNew(t *testing.T) {
	for v, want := range map[string]bool{
		"go1.99":                    true,
		"go1.99.1":                  true,
		runtime.Version():           false,
		"go1.21":                    false,
		"1.x":                       false, // not a version: go/types will say
		samePlus(runtime.Version()): false,
	} {
		if got := tooNew(v); got != want {
			t.Errorf("tooNew(%q) = %v, want %v", v, got, want)
		}
	}
}

// samePlus is a later patch release of v's Go.
func samePlus(v string) string {
	parts := strings.SplitN(v, ".", 3)
	return parts[0] + "." + parts[1] + ".99"
}

// Under go vet, the standard library's packages (facts only) pass
// silently; of the packages asked for, the first says it and fails, the
// others of the same go vet run pass silently.
func TestNewerGoUnderVet(t *testing.T) {
	work := t.TempDir() // go vet's $WORK
	unit := func(name string, u vetUnit) string {
		u.VetxOutput = filepath.Join(work, name, "vet.out")
		data, _ := json.Marshal(u)
		path := filepath.Join(work, name, "vet.cfg")
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var out bytes.Buffer
	code, handled := newerGoUnderVet(unit("b001", vetUnit{ImportPath: "errors", GoVersion: "go1.99.0", VetxOnly: true}), &out)
	if !handled || code != 0 || out.Len() > 0 {
		t.Errorf("a standard package: handled %v, exit %d, said %q", handled, code, out.String())
	}
	mod := &struct{ Path string }{"example.com/shop"}
	code, handled = newerGoUnderVet(unit("b002", vetUnit{ImportPath: "example.com/shop/store", Module: mod, GoVersion: "go1.99.0"}), &out)
	want := "sqlheat: module example.com/shop needs go1.99.0 but sqlheat was built with " + runtime.Version() + ": rebuild it with that Go, e.g. GOTOOLCHAIN=go1.99.0 go install github.com/sqlheat/sqlheat/cmd/sqlheat@latest\n"
	if !handled || code != 1 || out.String() != want {
		t.Errorf("the first package: handled %v, exit %d, said %q; want 1 and %q", handled, code, out.String(), want)
	}
	out.Reset()
	code, handled = newerGoUnderVet(unit("b003", vetUnit{ImportPath: "example.com/shop/api", Module: mod, GoVersion: "go1.99.0"}), &out)
	if !handled || code != 0 || out.Len() > 0 {
		t.Errorf("the second package: handled %v, exit %d, said %q", handled, code, out.String())
	}
	// A package sqlheat can check is unitchecker's.
	if _, handled := newerGoUnderVet(unit("b004", vetUnit{ImportPath: "example.com/old", GoVersion: "go1.21"}), &out); handled {
		t.Error("a go1.21 package was handled as too new")
	}
}
