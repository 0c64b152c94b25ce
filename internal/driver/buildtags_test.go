package driver

import (
	"bytes"
	"go/build"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// excludedFiles lists the files of stats.excluded_by_tags as
// "file: tag,tag".
func excludedFiles(e *report.ExcludedByTags) []string {
	if e == nil {
		return nil
	}
	var out []string
	for _, f := range e.Files {
		out = append(out, f.File+": "+strings.Join(f.Tags, ","))
	}
	return out
}

// A service that puts its database adapters behind build tags analyzes
// only the stubs in a plain run: testdata/buildtags has a MySQL adapter
// (//go:build mysql, a stub under !mysql) and a package all of whose
// files want postgres, which go list ./... does not even name. The run
// says which files with database code were left out, and the -tags that
// would analyze them. Not counted: files left out by their GOOS (by
// name or constraint), a //go:build ignore generator, a tagged file
// with no database import (its tag is not suggested), one that only
// registers a driver (a blank import), a _test.go file,
// a file under testdata, and a file whose tag would swap a built file
// that reaches the database too for itself (conn: the default driver's
// connection or a custom one's).
func TestExcludedByTags(t *testing.T) {
	t.Parallel()
	checks := []*analysis.Analyzer{selectstar.Analyzer}
	hint := "sqlheat: 2 files with database code are left out by build tags (mysql, postgres): run with -tags mysql,postgres to analyze them"
	t.Run("plain", func(t *testing.T) {
		t.Parallel()
		rep, _, stderr := runJSON(t, checks, "-C", "testdata/buildtags", "./...")
		e := rep.Stats.ExcludedByTags
		want := []string{"postgres/pg.go: postgres", "store/adapter_mysql.go: mysql"}
		if got := excludedFiles(e); !slices.Equal(got, want) {
			t.Fatalf("stats.excluded_by_tags files %q, want %q (stderr: %s)", got, want, stderr)
		}
		if !slices.Equal(e.Tags, []string{"mysql", "postgres"}) || e.Flag != "-tags mysql,postgres" {
			t.Errorf("stats.excluded_by_tags tags %q flag %q, want [mysql postgres] and -tags mysql,postgres", e.Tags, e.Flag)
		}
		if rep.Stats.QuerySites != 0 {
			t.Errorf("stats.query_sites = %d, want 0: the stub has none", rep.Stats.QuerySites)
		}
		if strings.Contains(stderr, "left out by build tags") {
			t.Errorf("-format json wrote the hint on stderr too: %s", stderr)
		}
	})
	t.Run("text", func(t *testing.T) {
		t.Parallel()
		var stdout, stderr bytes.Buffer
		run([]string{"-C", "testdata/buildtags", "./..."}, &stdout, &stderr, checks)
		if n := strings.Count(stderr.String(), hint); n != 1 {
			t.Errorf("stderr has the hint %d times, want once:\n%s", n, stderr.String())
		}
	})
	t.Run("one tag given", func(t *testing.T) {
		t.Parallel()
		rep, _, stderr := runJSON(t, checks, "-C", "testdata/buildtags", "-tags", "mysql", "./...")
		e := rep.Stats.ExcludedByTags
		if got, want := excludedFiles(e), []string{"postgres/pg.go: postgres"}; !slices.Equal(got, want) {
			t.Fatalf("stats.excluded_by_tags files %q, want %q (stderr: %s)", got, want, stderr)
		}
		if e.Flag != "-tags mysql,postgres" {
			t.Errorf("flag %q, want the tag given kept: -tags mysql,postgres", e.Flag)
		}
		if rep.Stats.QuerySites != 1 {
			t.Errorf("stats.query_sites = %d, want 1 (the MySQL adapter's)", rep.Stats.QuerySites)
		}
	})
	t.Run("all tags given", func(t *testing.T) {
		t.Parallel()
		var stdout, stderr bytes.Buffer
		run([]string{"-C", "testdata/buildtags", "-tags", "mysql,postgres", "./..."}, &stdout, &stderr, checks)
		if strings.Contains(stderr.String(), "left out by build tags") {
			t.Errorf("hint with every tag given:\n%s", stderr.String())
		}
		rep, _, _ := runJSON(t, checks, "-C", "testdata/buildtags", "-tags", "mysql,postgres", "./...")
		if rep.Stats.ExcludedByTags != nil {
			t.Errorf("stats.excluded_by_tags = %+v, want none", rep.Stats.ExcludedByTags)
		}
		if rep.Stats.QuerySites != 2 {
			t.Errorf("stats.query_sites = %d, want 2 (MySQL's and PostgreSQL's)", rep.Stats.QuerySites)
		}
	})
}

// The fewest custom tags that include a file, by its constraint, on a
// linux/amd64 (v1) build given the tag "given"; none when the platform,
// its feature level, a release or ignore keeps it out whatever the tags.
func TestTagsToInclude(t *testing.T) {
	t.Parallel()
	ctxt := build.Default
	ctxt.GOOS, ctxt.GOARCH, ctxt.BuildTags, ctxt.ToolTags = "linux", "amd64", []string{"given"}, nil
	for header, want := range map[string]string{
		"//go:build mysql":                   "mysql",
		"// +build mysql\n// +build !sqlite": "mysql",
		"//go:build mysql || postgres":       "mysql",
		"//go:build mysql && !sqlite":        "mysql",
		"//go:build linux && mysql":          "mysql",
		"//go:build unix && pg && pgx":       "pg,pgx",
		"//go:build given && mysql":          "mysql",
		"//go:build windows && mysql":        "",
		"//go:build !linux":                  "",
		"//go:build ignore":                  "",
		"//go:build go1.99 && mysql":         "",
		"//go:build !given":                  "",
		"//go:build amd64.v3 && mysql":       "", // GOAMD64 decides, not a tag
	} {
		src := []byte(header + "\n\npackage p\n")
		if got := strings.Join(tagsToInclude(&ctxt, "/m/p/a.go", src), ","); got != want {
			t.Errorf("%q: tags %q, want %q", header, got, want)
		}
	}
	if got := tagsToInclude(&ctxt, "/m/p/a_windows.go", []byte("//go:build mysql\n\npackage p\n")); got != nil {
		t.Errorf("a_windows.go: tags %q, want none (its name keeps it out)", got)
	}
}
