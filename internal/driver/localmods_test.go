package driver

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
)

// A service keeps its router wrapper and its store in a sibling module of
// its repository, which its go.mod replaces with the directory ../kit:
// the packages of kit it imports are analyzed as its own, so the route
// the wrapper registers is found, and the N+1 the store runs is reported
// with that route. The package of kit nothing imports, and kit's tests,
// are not analyzed.
func TestLocalModule(t *testing.T) {
	t.Parallel()
	rep, code, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/localmods/app", "./...")
	if code != ExitFindings {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	want := []report.LocalModule{{
		Path: "example.com/kit", Dir: "../kit", Why: "replace example.com/kit => ../kit",
		Packages: []string{"example.com/kit/httpx", "example.com/kit/store"},
	}}
	if !slices.EqualFunc(rep.LocalModules, want, func(a, b report.LocalModule) bool {
		return a.Path == b.Path && a.Dir == b.Dir && a.Why == b.Why && slices.Equal(a.Packages, b.Packages) && a.Skipped == b.Skipped
	}) {
		t.Errorf("local_modules = %+v, want %+v", rep.LocalModules, want)
	}
	if s := rep.Stats; s.Packages != 3 || s.LocalPackages != 2 || s.QuerySites != 1 {
		t.Errorf("stats.packages, local_packages, query_sites = %d, %d, %d; want 3, 2 (app and the two packages of kit it imports), 1 (not kit's tests')",
			s.Packages, s.LocalPackages, s.QuerySites)
	}
	// Named on the command line, a package of kit has its tests analyzed.
	named, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/localmods/app", "./...", "example.com/kit/store")
	if n := named.Stats.QuerySites; n != 2 {
		t.Errorf("with example.com/kit/store named: stats.query_sites = %d, want 2 (its test's too); stderr:\n%s", n, stderr)
	}
	var routes []string
	for _, r := range rep.Routes {
		routes = append(routes, r.Method+" "+r.Pattern+" -> "+r.Handler)
	}
	if want := []string{"GET /users -> main.(*handler).list"}; !slices.Equal(routes, want) {
		t.Errorf("routes = %q, want %q (registered through kit's router wrapper)", routes, want)
	}
	var got []string
	for _, f := range rep.Findings {
		var rs []string
		for _, r := range f.Routes {
			rs = append(rs, r.Method+" "+r.Pattern)
		}
		got = append(got, fmt.Sprintf("%s %s:%d %s", f.Check, f.File, f.Line, strings.Join(rs, ",")))
	}
	if want := []string{"queryinloop ../kit/store/store.go:18 GET /users"}; !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q (not kit/unused, which app does not import, nor kit's tests)", got, want)
	}
}

// The same service and kit as the two modules of a go.work (in a
// repository of their own): kit's packages that the service imports are
// analyzed with it, as a replacement's are.
func TestLocalModuleWorkspace(t *testing.T) {
	t.Parallel()
	ws := t.TempDir()
	for _, dir := range []string{"app", "kit"} {
		if err := os.CopyFS(filepath.Join(ws, dir), os.DirFS(filepath.Join("testdata/localmods", dir))); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"go.work":    "go 1.22\n\nuse (\n\t./app\n\t./kit\n)\n",
		"app/go.mod": "module example.com/app\n\ngo 1.22\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(ws, name), []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(ws, ".git"), 0o777); err != nil {
		t.Fatal(err)
	}
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", filepath.Join(ws, "app"), "./...")
	var got []string
	for _, m := range rep.LocalModules {
		got = append(got, fmt.Sprintf("%s %s (%s): %s%s", m.Path, m.Dir, m.Why, strings.Join(m.Packages, ","), m.Skipped))
	}
	if want := []string{"example.com/kit ../kit (a module of the go.work workspace): example.com/kit/httpx,example.com/kit/store"}; !slices.Equal(got, want) {
		t.Errorf("local_modules = %q, want %q; stderr:\n%s", got, want, stderr)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].File != "../kit/store/store.go" || len(rep.Findings[0].Routes) != 1 {
		t.Errorf("findings = %+v, want the store's N+1, with its route", rep.Findings)
	}
}

// -v says which packages of which local module were taken in, and why.
func TestLocalModuleVerbose(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	run([]string{"-C", "testdata/localmods/app", "-v", "./..."}, &stdout, &stderr, analyzer.Analyzers())
	want := "local module example.com/kit (../kit; replace example.com/kit => ../kit): 2 packages the program imports analyzed as the module's own: example.com/kit/httpx, example.com/kit/store"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("-v stderr lacks %q:\n%s", want, stderr.String())
	}
}

// A local module in a third_party/ directory is a copy of others' code,
// and one under testdata/ a library's stub: neither is taken in, and the
// report says why.
func TestLocalModuleSkipped(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/inventory", "./...")
	got := map[string]string{}
	for _, m := range rep.LocalModules {
		got[m.Path] = m.Skipped
		if len(m.Packages) > 0 {
			t.Errorf("local module %s: packages %q taken in", m.Path, m.Packages)
		}
	}
	want := map[string]string{
		"example.net/rest":         "in third_party/, not the repository's own code",
		"github.com/go-chi/chi/v5": "in testdata/, not the repository's own code",
	}
	if !maps.Equal(got, want) {
		t.Errorf("local_modules skipped = %q, want %q; stderr:\n%s", got, want, stderr)
	}
	if rep.Stats.LocalPackages != 0 {
		t.Errorf("stats.local_packages = %d, want 0", rep.Stats.LocalPackages)
	}
}

// The same service taking kit as a module version (a fork published as
// example.com/kitfork v1.0.0, from a module proxy) analyzes kit as any
// dependency: from export data, no local module, and so neither the
// wrapper's route nor the store's finding.
func TestLocalModuleVersion(t *testing.T) {
	// Not parallel: the go command's environment is the process's.
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	at := filepath.Join(proxy, "example.com", "kitfork", "@v")
	if err := os.MkdirAll(at, 0o777); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("testdata/localmods/kit/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"v1.0.0.mod": gomod, "v1.0.0.info": []byte(`{"Version":"v1.0.0"}`)}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(at, name), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	zf, err := os.Create(filepath.Join(at, "v1.0.0.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := modzip.CreateFromDir(zf, module.Version{Path: "example.com/kitfork", Version: "v1.0.0"}, "testdata/localmods/kit"); err != nil {
		t.Fatal(err)
	}
	if err := zf.Close(); err != nil {
		t.Fatal(err)
	}
	// The service, in a directory of its own (the go command writes its
	// go.sum), with a go.mod taking the fork: not a directory of the
	// repository, so a dependency like any other.
	svc := filepath.Join(tmp, "svc")
	if err := os.CopyFS(svc, os.DirFS("testdata/localmods/app")); err != nil {
		t.Fatal(err)
	}
	fork := "module example.com/app\n\ngo 1.22\n\nrequire example.com/kit v1.0.0\n\nreplace example.com/kit => example.com/kitfork v1.0.0\n"
	if err := os.WriteFile(filepath.Join(svc, "go.mod"), []byte(fork), 0o666); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOPROXY", "file://"+filepath.ToSlash(proxy))
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOFLAGS", "-mod=mod -modcacherw")
	t.Setenv("GOMODCACHE", filepath.Join(tmp, "modcache"))
	t.Setenv("GOWORK", "off")

	rep, code, stderr := runJSON(t, analyzer.Analyzers(), "-C", svc, "./...")
	if code != ExitClean {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", code, ExitClean, stderr)
	}
	if len(rep.LocalModules) != 0 || rep.Stats.LocalPackages != 0 || rep.Stats.Packages != 1 {
		t.Errorf("local_modules = %+v, stats.local_packages = %d, packages = %d; want none, 0, 1 (kit is a module version)",
			rep.LocalModules, rep.Stats.LocalPackages, rep.Stats.Packages)
	}
	for _, f := range rep.Findings {
		t.Errorf("finding %s %s:%d: a dependency's code is not reported", f.Check, f.File, f.Line)
	}
	for _, r := range rep.Routes {
		if r.Pattern == "/users" {
			t.Errorf("route %s %s: registered by a dependency's wrapper, which has no facts", r.Method, r.Pattern)
		}
	}
}

// Which local directories are the repository's own code.
func TestNotOurs(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o777); err != nil {
		t.Fatal(err)
	}
	svc := filepath.Join(repo, "services", "svc")
	for _, c := range []struct{ dir, main, want string }{
		{filepath.Join(svc, "x"), svc, ""},                                                   // replace => ./x
		{filepath.Join(repo, "lib"), svc, ""},                                                // replace => ../../lib
		{filepath.Join(repo, "testdata", "lib"), filepath.Join(repo, "testdata", "svc"), ""}, // siblings under testdata/
		{filepath.Join(svc, "vendor", "x"), svc, "in vendor/, not the repository's own code"},
		{filepath.Join(repo, "third_party", "pq"), svc, "in third_party/, not the repository's own code"},
		{filepath.Join(repo, "testdata", "stubs", "src", "example.com", "x"), svc, "in testdata/, not the repository's own code"},
		{filepath.Join(svc, "_stubs", "x"), svc, "in _stubs/, not the repository's own code"},
		{filepath.Join(tmp, "elsewhere"), svc, "outside the repository"},
	} {
		if got := notOurs(c.dir, []string{c.main}); got != c.want {
			t.Errorf("notOurs(%s) from %s = %q, want %q", c.dir, c.main, got, c.want)
		}
	}
}
