package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

// Output is deterministic: ten runs on the demo write byte-identical
// reports, JSON and HTML, compared whole (the HTML page's commit, source
// lines and all). The runs differ in GOMAXPROCS, so that the analysis's
// goroutines are scheduled differently; map order differs from run to run
// anyway.
func TestDeterministic(t *testing.T) {
	needBinary(t)
	t.Parallel()
	for _, format := range []string{"json", "html"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			var first []byte
			for i := range 10 {
				cmd := exec.Command(sqlheatBin, "-C", "../../testdata/demo", "-format", format, "./...")
				cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", 1+i%4))
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != 1 {
					t.Fatalf("run %d: %v, want exit code 1 (the demo's findings)\n%s", i+1, err, stderr.String())
				}
				if i == 0 {
					first = out
					continue
				}
				if !bytes.Equal(out, first) {
					t.Fatalf("run %d differs from run 1:\n%s", i+1, diff.Diff("run 1", first, fmt.Sprintf("run %d", i+1), out))
				}
			}
		})
	}
}
