package traffic

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected error texts in testdata/bad")

// TestMalformed loads every file in testdata/bad, format sniffed, and
// compares the error with the text in the file's ".err" twin: what the
// user reads is the contract, so it is checked word for word.
func TestMalformed(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		if strings.HasSuffix(path, ".err") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, err := Load(path, "", Options{})
			if err == nil {
				t.Fatalf("Load(%s) = %d routes, %d statements, warnings %q; want an error", path, len(p.Routes), len(p.Statements), p.Warnings)
			}
			var perr *Error
			if !errors.As(err, &perr) || perr.File != path {
				t.Errorf("error %v is not an *Error naming %s", err, path)
			}
			got := err.Error() + "\n"
			if *update {
				if err := os.WriteFile(path+".err", []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path + ".err")
			if err != nil {
				t.Fatalf("no expected error: %v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("error text:\n got %s\nwant %s", got, want)
			}
		})
	}
}
