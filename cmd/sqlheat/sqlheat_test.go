package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/driver"
	"github.com/sqlheat/sqlheat/internal/report"
)

const demo = "../../testdata/demo"

// planted are the demo's findings for the checks that exist so far, as
// listed in testdata/demo/EXPECTED.md: "check file:line".
var planted = []string{
	"handlerquery internal/api/customers.go:45",
	"handlerquery internal/api/customers.go:54",
	"handlerquery internal/api/orders.go:79",
	"missingindex internal/store/orders.go:19",
	"queryinloop internal/api/orders.go:23",
	"queryinloop internal/store/orders.go:112",
	"queryinloop internal/store/orders.go:86",
	"selectstar internal/store/customers.go:16",
	"selectstar internal/store/orders.go:46",
}

// The README's main command, in JSON: exactly the planted findings, and
// every query site counted.
func TestDemo(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := driver.Main([]string{"-C", demo, "-format", "json", "./..."}, &stdout, &stderr)
	if code != driver.ExitFindings {
		t.Errorf("exit code = %d, want %d; stderr:\n%s", code, driver.ExitFindings, stderr.String())
	}
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, stdout.String())
	}
	if rep.Version != 1 || rep.Tool.Name != "sqlheat" {
		t.Errorf("version/tool = %d/%q", rep.Version, rep.Tool.Name)
	}
	var got []string
	for i, f := range rep.Findings {
		got = append(got, f.Check+" "+f.File+":"+itoa(f.Line))
		if f.Rank != i+1 || f.Severity == "" || f.Function == "" || f.Column < 1 {
			t.Errorf("finding %d incomplete: %+v", i, f)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, planted) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(planted, "\n"))
	}
	// EXPECTED.md lists 20 calls that execute SQL; the one inside the
	// wrapper is the wrapper's body, its 5 callers are the sites.
	if s := rep.Stats; s.QuerySites != 19 || s.Unresolved != 0 || s.Unparsed != 0 || s.Packages != 4 {
		t.Errorf("stats = %+v, want 19 query sites in 4 packages, none unresolved or unparsed", s)
	}
	// The cross-package N+1 names its chain.
	for _, f := range rep.Findings {
		if f.File == "internal/api/orders.go" && f.Check == "queryinloop" {
			if len(f.Via) == 0 || f.Via[0] != "store.(*Store).OrderItems" || f.Multiplicity != "loop" || f.SQL == "" {
				t.Errorf("cross-package finding lacks its chain: %+v", f)
			}
		}
	}
}

// go vet -vettool with the built binary reports the same findings, facts
// crossing packages through the files go vet manages.
func TestVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("SQLHEAT_INTEGRATION") != "" {
			t.Fatal("go command not found")
		}
		t.Skip("go command not found")
	}
	bin := filepath.Join(t.TempDir(), "sqlheat")
	build := exec.Command(gocmd, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	vet := exec.Command(gocmd, "vet", "-vettool="+bin, "./...")
	vet.Dir = demo
	out, err := vet.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet succeeded, want findings:\n%s", out)
	}
	re := regexp.MustCompile(`(?m)^(internal/[^:]+):(\d+):\d+: ([^\t].*)$`) // related lines start with a tab
	var got []string
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		check := "queryinloop"
		switch {
		case strings.Contains(m[3], "fetches every column"):
			check = "selectstar"
		case strings.Contains(m[3], "no index serves"):
			check = "missingindex"
		case strings.Contains(m[3], "per request") || strings.Contains(m[3], "context"):
			check = "handlerquery"
		}
		got = append(got, check+" "+m[1]+":"+m[2])
	}
	slices.Sort(got)
	if !slices.Equal(got, planted) {
		t.Errorf("go vet reported:\n%s\nwant:\n%s", out, strings.Join(planted, "\n"))
	}
	if !strings.Contains(string(out), "store.(*Store).OrderItems runs") {
		t.Errorf("the cross-package N+1 (a fact from package store) is missing:\n%s", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
