package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/testenv"
)

// The README's go vet recipes, run for real: the settings from flags,
// from .sqlheat.yaml, and a migration edited between two runs, which
// vet's cache must not hide. Each run uses `go vet -json`, whose output
// names the analyzer of every diagnostic and which the go command caches
// and replays like a clean run: a stale cache entry would show in it.

// vetTool builds the sqlheat binary into the test's temporary directory.
// Builds of the same source are byte-identical, so every test's tool has
// the same identity and shares vet's cache for the standard library.
func vetTool(t *testing.T) (gocmd, bin string) {
	t.Helper()
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
	bin = filepath.Join(t.TempDir(), "sqlheat")
	build := exec.Command(gocmd, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return gocmd, bin
}

// copyDemo copies testdata/demo to a scratch directory.
func copyDemo(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "demo")
	testenv.CopyTree(t, dst, demo)
	return dst
}

// vetDiag is one diagnostic of `go vet -json`.
type vetDiag struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// vetJSON runs go vet -json with the tool in dir and returns its findings
// as "check file:line" (file relative to dir), sorted, and the messages by
// that key.
func vetJSON(t *testing.T, gocmd, bin, dir string, flags ...string) ([]string, map[string]string) {
	t.Helper()
	args := append([]string{"vet", "-vettool=" + bin, "-json"}, flags...)
	cmd := exec.Command(gocmd, append(args, "./...")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go vet %s: %v\n%s", strings.Join(flags, " "), err, out)
	}
	// go vet -json prints one JSON object per package, each after a
	// "# package" line.
	var got []string
	msgs := map[string]string{}
	dec := json.NewDecoder(strings.NewReader(stripComments(string(out))))
	for dec.More() {
		var pkgs map[string]map[string]json.RawMessage
		if err := dec.Decode(&pkgs); err != nil {
			t.Fatalf("go vet -json output: %v\n%s", err, out)
		}
		for _, byCheck := range pkgs {
			for check, raw := range byCheck {
				var diags []vetDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s: %v (an analysis error?)\n%s", check, err, raw)
				}
				for _, d := range diags {
					file, line := posn(d.Posn)
					if rel, err := filepath.Rel(dir, file); err == nil {
						file = filepath.ToSlash(rel)
					}
					key := check + " " + file + ":" + line
					got = append(got, key)
					msgs[key] = d.Message
				}
			}
		}
	}
	slices.Sort(got)
	return got, msgs
}

// stripComments drops the "# pkg" lines go vet -json writes before each
// package's object.
func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(line, "#") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// posn splits "file:line:col".
func posn(p string) (file, line string) {
	i := strings.LastIndex(p, ":")
	j := strings.LastIndex(p[:max(i, 0)], ":")
	if i < 0 || j < 0 {
		return p, ""
	}
	return p[:j], p[j+1 : i]
}

// crossPackage checks the N+1 that only store's facts reveal in api.
func crossPackage(t *testing.T, msgs map[string]string) {
	t.Helper()
	if m := msgs["queryinloop internal/api/orders.go:23"]; !strings.Contains(m, "store.(*Store).OrderItems runs") {
		t.Errorf("the cross-package N+1 (a fact exported by package store) is missing: %q", m)
	}
}

// The schema named by a flag, in a directory nothing would discover:
// missingindex speaks only with the flag.
func TestVetSchemaFlag(t *testing.T) {
	gocmd, bin := vetTool(t)
	dir := copyDemo(t)
	os.Remove(filepath.Join(dir, ".sqlheat.yaml"))
	if err := os.MkdirAll(filepath.Join(dir, "db"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "migrations"), filepath.Join(dir, "db", "ddl")); err != nil {
		t.Fatal(err)
	}
	withoutIndex := slices.DeleteFunc(slices.Clone(planted), func(s string) bool { return strings.HasPrefix(s, "missingindex ") })

	got, _ := vetJSON(t, gocmd, bin, dir)
	if !slices.Equal(got, withoutIndex) {
		t.Errorf("go vet without a schema reported:\n%s\nwant (no missingindex: no schema):\n%s", strings.Join(got, "\n"), strings.Join(withoutIndex, "\n"))
	}

	// go vet runs the tool in each package's directory, so the README
	// gives the flag an absolute path ($PWD/db/ddl).
	got, msgs := vetJSON(t, gocmd, bin, dir, "-sqlheat.schema="+filepath.Join(dir, "db", "ddl"))
	if !slices.Equal(got, planted) {
		t.Errorf("go vet -sqlheat.schema reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(planted, "\n"))
	}
	crossPackage(t, msgs)
	if m := msgs["missingindex internal/store/orders.go:19"]; !strings.Contains(m, "CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders (customer_id);") {
		t.Errorf("missingindex message: %q", m)
	}

	// Checks are chosen as with vet's own: -selectstar runs only it.
	got, _ = vetJSON(t, gocmd, bin, dir, "-selectstar")
	want := []string{"selectstar internal/store/customers.go:16", "selectstar internal/store/orders.go:46"}
	if !slices.Equal(got, want) {
		t.Errorf("go vet -selectstar reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The demo's .sqlheat.yaml, found upward from each package: the same
// findings as the standalone driver's.
func TestVetSettingsFile(t *testing.T) {
	gocmd, bin := vetTool(t)
	dir := copyDemo(t)
	got, msgs := vetJSON(t, gocmd, bin, dir)
	if !slices.Equal(got, planted) {
		t.Errorf("go vet with .sqlheat.yaml reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(planted, "\n"))
	}
	crossPackage(t, msgs)
}

// A migration that adds the missing index, then an edit that makes it
// useless again: vet's cache is keyed by the tool's identity, which folds
// in the content of .sqlheat.yaml and of the schema files it names (or,
// without a schema setting, of the migrations sqlheat discovers), so
// neither edit is hidden behind a cached result of the same Go source.
func TestVetSeesMigrationEdit(t *testing.T) {
	gocmd, bin := vetTool(t)
	for _, tc := range []struct{ name, settings string }{
		{"named in .sqlheat.yaml", "schema: [migrations]\n"},
		{"discovered", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDemo(t)
			os.Remove(filepath.Join(dir, ".sqlheat.yaml"))
			if tc.settings != "" {
				if err := os.WriteFile(filepath.Join(dir, ".sqlheat.yaml"), []byte(tc.settings), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			const finding = "missingindex internal/store/orders.go:19"

			got, _ := vetJSON(t, gocmd, bin, dir)
			if !slices.Equal(got, planted) {
				t.Fatalf("before the edit, go vet reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(planted, "\n"))
			}

			migration := filepath.Join(dir, "migrations", "0003_orders_customer_id.up.sql")
			if err := os.WriteFile(migration, []byte("CREATE INDEX orders_customer_id_idx ON orders (customer_id);\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got, _ = vetJSON(t, gocmd, bin, dir)
			want := slices.DeleteFunc(slices.Clone(planted), func(s string) bool { return s == finding })
			if !slices.Equal(got, want) {
				t.Errorf("after adding the index, go vet reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}

			// Edit the same file: the index now leads with another column.
			if err := os.WriteFile(migration, []byte("CREATE INDEX orders_customer_id_idx ON orders (created_at, customer_id);\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got, _ = vetJSON(t, gocmd, bin, dir)
			if !slices.Equal(got, planted) {
				t.Errorf("after editing the migration so that no index leads with customer_id, go vet reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(planted, "\n"))
			}
		})
	}
}
