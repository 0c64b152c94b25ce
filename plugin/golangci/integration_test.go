package golangci_test

// These tests build the real thing: a custom golangci-lint with the sqlheat
// plugin, made by `golangci-lint custom` exactly as a user runs it, and
// then lint testdata/demo with it.
//
// `golangci-lint custom` git-clones golangci-lint from GitHub, which a CI
// without internet cannot. The test serves that clone from the module
// cache instead, without changing the command:
//
//  1. go mod download golangci-lint's module (the Go module proxy, which CI
//     reaches);
//  2. build the stock golangci-lint from that directory (the binary that
//     runs `custom`);
//  3. turn a copy of the directory into a git repository with the release
//     tag, and point git at it with url.<file URL>.insteadOf=<GitHub URL>
//     through GIT_CONFIG_COUNT/KEY/VALUE, which the builder passes on to
//     git (pkg/commands/internal/builder.go keeps GIT_CONFIG_* in the
//     environment it gives git clone); GIT_ALLOW_PROTOCOL=file makes any
//     attempt to reach the network fail instead;
//  4. run `golangci-lint custom` with a .custom-gcl.yml naming this
//     repository as the plugin's path.
//
// Everything is written under the test's temporary directory; only the go
// command's module and build caches are shared. Measured on the 2-core
// machine CI runs on: with an empty build cache, step 2 takes 3m12s and
// step 4 48s (the test 4m16s, 5m43s with compiling it); with a warm one,
// about 30s each.

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sqlheat/sqlheat/internal/testenv"
)

const (
	gclModule  = "github.com/golangci/golangci-lint/v2"
	gclVersion = "v2.15.0"
	// gclRepoURL is the URL pkg/commands/internal/builder.go (v2.15.0)
	// clones: `git clone --branch <version> --single-branch --depth 1 ...`.
	gclRepoURL = "https://github.com/golangci/golangci-lint.git"
)

// planted are testdata/demo's findings (testdata/demo/EXPECTED.md; the
// same list as cmd/sqlheat's TestDemo): "check file:line".
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

// The .custom-gcl.yml and .golangci.yml are the README's (section
// "golangci-lint"), so that the recipe users copy is the one tested. The
// plugin comes from this working tree (path:) instead of a release.

func TestGolangciLintCustom(t *testing.T) {
	if os.Getenv("SQLHEAT_GOLANGCI") != "1" {
		t.Skip("set SQLHEAT_GOLANGCI=1 to build a custom golangci-lint " + gclVersion +
			" with the sqlheat plugin (offline, from the module cache; a few minutes) and lint testdata/demo with it; .ci/run sets it")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("go command not found")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git not found: golangci-lint custom clones with git")
	}
	repoRoot, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()
	if dl, ok := t.Deadline(); ok {
		ctx, cancel = context.WithDeadline(ctx, dl.Add(-30*time.Second))
		defer cancel()
	}

	tmp := t.TempDir()
	gitTmp := filepath.Join(tmp, "tmp") // golangci-lint custom clones under $TMPDIR
	mkdir(t, gitTmp)
	env := environ(map[string]string{
		"GOWORK":              "off",
		"TMPDIR":              gitTmp,
		"GOLANGCI_LINT_CACHE": filepath.Join(tmp, "golangci-cache"),
		// Only what this test configures: no user or system git config.
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_CONFIG_GLOBAL":   os.DevNull,
	})
	run := func(dir string, extraEnv []string, name string, args ...string) []byte {
		t.Helper()
		start := time.Now()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Env = append(slices.Clone(env), extraEnv...)
		out, err := cmd.CombinedOutput()
		t.Logf("%s %s: %s", filepath.Base(name), strings.Join(args, " "), time.Since(start).Round(time.Second))
		if err != nil {
			t.Fatalf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, out)
		}
		return out
	}

	// 1. The module, from the proxy (or the module cache).
	out := run(tmp, nil, gocmd, "mod", "download", "-json", gclModule+"@"+gclVersion)
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %v %s\n%s", err, mod.Error, out)
	}

	// 2. A writable copy, and the stock binary built from it.
	src := filepath.Join(tmp, "golangci-lint-src")
	testenv.CopyTree(t, src, mod.Dir)
	gcl := filepath.Join(tmp, "bin", "golangci-lint")
	start := time.Now()
	run(src, nil, gocmd, "build", "-buildvcs=false", "-o", gcl, "./cmd/golangci-lint")
	stock := time.Since(start)

	// 3. The copy as a git repository tagged like the release.
	gitID := []string{"-c", "user.name=sqlheat test", "-c", "user.email=test@sqlheat.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}
	run(src, nil, "git", "-c", "init.defaultBranch=main", "init", "-q")
	run(src, nil, "git", "add", "-A", "-f")
	run(src, nil, "git", append(gitID, "commit", "-q", "-m", gclModule+" "+gclVersion+" from the module cache")...)
	run(src, nil, "git", append(gitID, "tag", gclVersion)...)

	// 4. golangci-lint custom, unchanged, with git redirected to the copy.
	work := filepath.Join(tmp, "work")
	mkdir(t, work)
	customCfg := readmeYAML(t, filepath.Join(repoRoot, "README.md"), "plugins:")
	plugins, _ := customCfg["plugins"].([]any)
	if len(plugins) != 1 {
		t.Fatalf("README's .custom-gcl.yml: want one plugin: %v", customCfg)
	}
	plugin := plugins[0].(map[string]any)
	if customCfg["version"] != gclVersion || plugin["module"] != "github.com/sqlheat/sqlheat" || plugin["import"] != "github.com/sqlheat/sqlheat/plugin/golangci" {
		t.Errorf("README's .custom-gcl.yml: want version %s and the plugin package github.com/sqlheat/sqlheat/plugin/golangci: %v", gclVersion, customCfg)
	}
	delete(plugin, "version")
	plugin["path"] = repoRoot
	writeYAML(t, filepath.Join(work, ".custom-gcl.yml"), customCfg)
	offline := []string{
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url." + fileURL(src) + ".insteadOf",
		"GIT_CONFIG_VALUE_0=" + gclRepoURL,
		"GIT_ALLOW_PROTOCOL=file",
	}
	start = time.Now()
	out = run(work, offline, gcl, "custom", "-v")
	custom := time.Since(start)
	t.Logf("golangci-lint custom: stock binary built in %s, custom binary in %s", stock.Round(time.Second), custom.Round(time.Second))
	customBin := filepath.Join(work, filepath.FromSlash(customCfg["destination"].(string)), customCfg["name"].(string))
	if _, err := os.Stat(customBin); err != nil {
		t.Fatalf("golangci-lint custom made no %s: %v\n%s", customBin, err, out)
	}
	if v := run(work, nil, customBin, "version"); !strings.Contains(string(v), "custom-gcl") {
		t.Errorf("custom binary's version does not say custom-gcl: %s", v)
	}

	// The README's .golangci.yml on a copy of the demo, whose own
	// .sqlheat.yaml is removed: the settings are .golangci.yml's alone.
	lint := func(demo string) (got []string, text string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, customBin, "run", "--max-issues-per-linter=0", "--max-same-issues=0", "./...")
		cmd.Dir = demo
		cmd.Env = env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("custom-gcl run: %v, want exit code 1 (issues found)\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
		}
		return parseIssues(stdout.String()), stdout.String()
	}

	demo := filepath.Join(tmp, "demo")
	testenv.CopyTree(t, demo, filepath.Join(repoRoot, "testdata", "demo"))
	os.Remove(filepath.Join(demo, ".sqlheat.yaml"))
	lintCfg := readmeYAML(t, filepath.Join(repoRoot, "README.md"), "type: module")
	writeYAML(t, filepath.Join(demo, ".golangci.yml"), lintCfg)
	got, text := lint(demo)
	if !slices.Equal(got, planted) {
		t.Errorf("custom-gcl reported:\n%s\nparsed:\n%s\nwant:\n%s", text, strings.Join(got, "\n"), strings.Join(planted, "\n"))
	}
	// golangci-lint prefixes the analyzer's name; facts crossed packages.
	if !strings.Contains(text, "internal/api/orders.go:23:17: queryinloop: store.(*Store).OrderItems runs") {
		t.Errorf("the cross-package N+1 is missing or misnamed:\n%s", text)
	}

	// The plugin's settings are honored: the schema from a directory
	// nothing would discover, and a check switched off.
	demo2 := filepath.Join(tmp, "demo2")
	testenv.CopyTree(t, demo2, filepath.Join(repoRoot, "testdata", "demo"))
	os.Remove(filepath.Join(demo2, ".sqlheat.yaml"))
	mkdir(t, filepath.Join(demo2, "db"))
	if err := os.Rename(filepath.Join(demo2, "migrations"), filepath.Join(demo2, "db", "ddl")); err != nil {
		t.Fatal(err)
	}
	settings := get(lintCfg, "linters", "settings", "custom", "sqlheat", "settings").(map[string]any)
	settings["schema"] = []string{"db/ddl"}
	settings["checks"] = map[string]bool{"selectstar": false}
	writeYAML(t, filepath.Join(demo2, ".golangci.yml"), lintCfg)
	got, text = lint(demo2)
	want := slices.DeleteFunc(slices.Clone(planted), func(s string) bool { return strings.HasPrefix(s, "selectstar ") })
	if !slices.Equal(got, want) {
		t.Errorf("with schema: [db/ddl] and selectstar off, custom-gcl reported:\n%s\nwant:\n%s", text, strings.Join(want, "\n"))
	}
}

// Without cgo the build stops at one clear error, not a link error or a
// wall of undefined pg_query symbols.
func TestBuildWithoutCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	cmd := exec.Command(gocmd, "build", "-o", os.DevNull, ".")
	cmd.Env = environ(map[string]string{"CGO_ENABLED": "0", "GOWORK": "off"})
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatal("the plugin built with CGO_ENABLED=0")
	}
	first := ""
	for _, line := range strings.Split(string(out), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			first = line
			break
		}
	}
	if !strings.Contains(first, "sqlheat_needs_cgo_build_with_CGO_ENABLED_1_and_a_C_compiler") {
		t.Errorf("first build error without cgo is not the explanation:\n%s", out)
	}
}

// issueLine is golangci-lint's text output: file:line:col: message
// (linter). The plugin's analyzers prefix their message with their name;
// related locations read "queryinloop(related information): ...".
var issueLine = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: (\w+): .* \(sqlheat\)$`)

func parseIssues(out string) []string {
	var got []string
	for _, m := range issueLine.FindAllStringSubmatch(out, -1) {
		got = append(got, m[3]+" "+filepath.ToSlash(m[1])+":"+m[2])
	}
	slices.Sort(got)
	return got
}

// environ is the test's environment with overrides.
func environ(set map[string]string) []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if _, ok := set[k]; !ok {
			out = append(out, kv)
		}
	}
	for k, v := range set {
		out = append(out, k+"="+v)
	}
	return out
}

func fileURL(path string) string {
	return "file://" + filepath.ToSlash(path)
}

// readmeYAML decodes the first ```yaml block of the README that contains
// marker.
func readmeYAML(t *testing.T, readme, marker string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range strings.Split(string(data), "```yaml\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		if !strings.Contains(block, marker) {
			continue
		}
		var v map[string]any
		if err := yaml.Unmarshal([]byte(block), &v); err != nil {
			t.Fatalf("README's YAML block with %q: %v\n%s", marker, err, block)
		}
		return v
	}
	t.Fatalf("README has no ```yaml block containing %q", marker)
	return nil
}

func writeYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(data))
}

// get walks decoded YAML by keys; nil when a step is missing.
func get(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
