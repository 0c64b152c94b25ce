package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/itchyny/gojq"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected sections of failing scripts' cmp commands with what they got")

// The sqlheat binary and the go command, found or built once by TestMain
// for every test of the process; buildErr says why not.
var (
	sqlheatBin, goCmd string
	buildErr          error
	goEnv             []string // GOCACHE=... and the like, for the scripts
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "sqlheat-test-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	sqlheatBin, buildErr = buildSqlheat(dir)
	return m.Run()
}

// buildSqlheat builds this command into dir and reads the go command's
// environment that the scripts share with the caller.
func buildSqlheat(dir string) (string, error) {
	var err error
	if goCmd, err = exec.LookPath("go"); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "sqlheat")
	// -buildvcs=auto: in a git checkout, stamped with the version a
	// user's build would report (script version), whatever GOFLAGS says.
	if out, err := exec.Command(goCmd, "build", "-buildvcs=auto", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	// The scripts' HOME is /no-home: give them the caller's caches
	// explicitly, so that they start warm, and its cgo setting, on which
	// the standard library's cache keys depend.
	names := []string{"GOCACHE", "GOMODCACHE", "GOPATH", "CGO_ENABLED"}
	out, err := exec.Command(goCmd, append([]string{"env", "-json"}, names...)...).Output()
	if err != nil {
		return "", fmt.Errorf("go env: %v", err)
	}
	var env map[string]string
	if err := json.Unmarshal(out, &env); err != nil {
		return "", fmt.Errorf("go env: %v", err)
	}
	for _, name := range names {
		goEnv = append(goEnv, name+"="+env[name])
	}
	return bin, nil
}

// needBinary skips t when the binary could not be built, or fails it when
// SQLHEAT_INTEGRATION asks for every end-to-end test to run (as CI does).
func needBinary(t *testing.T) {
	t.Helper()
	if buildErr == nil {
		return
	}
	if os.Getenv("SQLHEAT_INTEGRATION") != "" {
		t.Fatalf("building sqlheat: %v", buildErr)
	}
	t.Skipf("building sqlheat: %v", buildErr)
}

// TestScripts runs the end-to-end tests, which are data: each
// testdata/script/*.txtar is a script for
// github.com/rogpeppe/go-internal/testscript, run out of process against
// the sqlheat binary TestMain built, in a temporary directory of its own,
// in parallel with the others (as x/tools tests its checker in
// go/analysis/internal/checker). A script is a list of commands followed
// by the files it needs: a go.mod of its own, the Go source, the expected
// output.
//
//	# The N+1 is reported, and nothing else: exit 1.
//	! sqlheat -format json ./...
//	exitcode 1
//	jq -r '.findings[] | key'
//	cmp stdout want.txt
//
//	-- want.txt --
//	queryinloop store/store.go:12
//	-- go.mod --
//	module example.com/m
//	...
//
// Besides testscript's own commands (exec, cmp, stdout, stderr, cp, cd...):
//
//	[!] sqlheat args...   run the built sqlheat; ! when it must exit non-zero
//	[!] vet args...       run go vet -vettool=$SQLHEAT -json args...; its
//	                      output becomes {"findings": [...]} in the JSON
//	                      report's terms (check, kind, file, line, column,
//	                      message, related, and package), file relative to
//	                      the current directory, sorted by place
//	exitcode n            the last sqlheat or vet exited with code n
//	jq [-r] filter [file] run a jq filter (gojq) over file (stdout if none);
//	                      its results, one per line, compact JSON or with -r
//	                      raw strings, become stdout; key is defined as
//	                      "check file:line" of a finding
//	copytree src dst      copy a directory into dst ($REPO/testdata/demo, or a
//	                      stub of $REPO/testdata/stubs/src with a go.mod of
//	                      the script's and a replace directive to it)
//	cat file...           print files, to edit one with cp stdout file
//	replace file old new  replace the one occurrence of old in file by new
//
// the conditions [integration] (SQLHEAT_INTEGRATION is set, as in CI: a
// missing prerequisite fails rather than skips, so scripts needing git say
// [!exec:git] [!integration] skip) and [toolchain:go1.27.3] (that Go is in
// the module cache, for a go.mod that asks for it), and the environment: $SQLHEAT (the
// binary), $REPO (this module's root, for its testdata: read only), the
// caller's GOCACHE and GOMODCACHE (warm), GOPROXY=off and
// GOFLAGS=-mod=readonly (the scripts' modules are complete: standard
// library only, or replace directives to directories), git's
// configuration reduced to a fixed author. go vet is slow (it runs the
// tool on every package of the standard library the module imports), so
// scripts do not run it under -short: [short] skip before a script that
// only runs go vet, [short] stop before the go vet part of one.
//
// Scripts assert on structured output (a finding's check and place, exit
// codes) rather than on message wording, except where the wording is the
// point. go test -run 'TestScripts/^name$' runs one; -testwork keeps its
// directory; -update rewrites the expected files of failing cmp commands
// with what they got, for review.
func TestScripts(t *testing.T) {
	needBinary(t)
	t.Parallel()
	repo, err := filepath.Abs("../..")
	if err == nil {
		repo, err = filepath.EvalSymlinks(repo) // as go list reports it
	}
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                "testdata/script",
		UpdateScripts:      *update,
		RequireUniqueNames: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SQLHEAT", sqlheatBin)
			env.Setenv("REPO", repo)
			for _, kv := range goEnv {
				k, v, _ := strings.Cut(kv, "=")
				env.Setenv(k, v)
			}
			for k, v := range map[string]string{
				"GOENV": "off", "GOFLAGS": "-mod=readonly", "GOPROXY": "off", "GOWORK": "off", "GOTOOLCHAIN": "local",
				// The user's git configuration must not change what
				// -new-from-rev reads.
				"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
				"GIT_AUTHOR_NAME": "sqlheat test", "GIT_AUTHOR_EMAIL": "test@sqlheat.invalid",
				"GIT_COMMITTER_NAME": "sqlheat test", "GIT_COMMITTER_EMAIL": "test@sqlheat.invalid",
			} {
				env.Setenv(k, v)
			}
			env.Values[stateKey{}] = new(scriptState)
			return nil
		},
		// [integration]: SQLHEAT_INTEGRATION is set (as in CI), and a
		// missing prerequisite must fail the script rather than skip it:
		// [!exec:git] [!integration] skip.
		Condition: func(cond string) (bool, error) {
			if cond == "integration" {
				return os.Getenv("SQLHEAT_INTEGRATION") != "", nil
			}
			if v, ok := strings.CutPrefix(cond, "toolchain:"); ok {
				return haveToolchain(v), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sqlheat":  cmdSqlheat,
			"vet":      cmdVet,
			"exitcode": cmdExitcode,
			"jq":       cmdJQ,
			"copytree": cmdCopytree,
			"cat":      cmdCat,
			"replace":  cmdReplace,
		},
	})
}

// haveToolchain reports whether the Go toolchain of version v (go1.27.3)
// is in the module cache, where the go command takes it from when a
// go.mod asks for it and GOPROXY is off (.ci/run fetches it).
func haveToolchain(v string) bool {
	for _, kv := range goEnv {
		if dir, ok := strings.CutPrefix(kv, "GOMODCACHE="); ok {
			zip := fmt.Sprintf("v0.0.1-%s.%s-%s.zip", v, runtime.GOOS, runtime.GOARCH)
			_, err := os.Stat(filepath.Join(dir, "cache", "download", "golang.org", "toolchain", "@v", zip))
			return err == nil
		}
	}
	return false
}

type stateKey struct{}

// scriptState is what a script's commands remember between them.
type scriptState struct {
	ran  string // the last sqlheat or vet command line, "" before any
	code int    // its exit code
}

func state(ts *testscript.TestScript) *scriptState {
	return ts.Value(stateKey{}).(*scriptState)
}

// run runs a command like exec, keeps its exit code for exitcode, and
// checks it against neg.
func run(ts *testscript.TestScript, neg bool, name string, args ...string) {
	err := ts.Exec(name, args...)
	code := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("%s: %v", name, err)
		}
		code = exit.ExitCode()
	}
	st := state(ts)
	st.ran, st.code = filepath.Base(name)+" "+strings.Join(args, " "), code
	switch {
	case neg && code == 0:
		ts.Fatalf("unexpected success")
	case !neg && code != 0:
		ts.Fatalf("exit code %d", code)
	}
}

func cmdSqlheat(ts *testscript.TestScript, neg bool, args []string) {
	run(ts, neg, sqlheatBin, args...)
}

func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: exitcode n")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	st := state(ts)
	if st.ran == "" {
		ts.Fatalf("exitcode: no sqlheat or vet command ran before")
	}
	if st.code != want {
		ts.Fatalf("%s: exit code %d, want %d", st.ran, st.code, want)
	}
}

// cmdVet runs go vet with the built tool and -json, and turns what it
// prints (one JSON object per package, keyed by package and analyzer,
// positions absolute) into one list in the JSON report's terms.
func cmdVet(ts *testscript.TestScript, neg bool, args []string) {
	run(ts, neg, goCmd, append([]string{"vet", "-vettool=" + sqlheatBin, "-json"}, args...)...)
	if neg {
		return // no JSON to read
	}
	stdout, stderr := ts.ReadFile("stdout"), ts.ReadFile("stderr")
	findings, err := vetFindings(stdout, ts.MkAbs("."))
	if err != nil {
		ts.Fatalf("go vet -json output: %v\n%s", err, stdout)
	}
	out, err := json.MarshalIndent(map[string]any{"findings": findings}, "", "\t")
	ts.Check(err)
	fmt.Fprintf(ts.Stdout(), "%s\n", out)
	fmt.Fprint(ts.Stderr(), stderr)
}

// vetDiagnostic is a diagnostic as go vet -json prints it.
type vetDiagnostic struct {
	Posn     string `json:"posn"`
	Category string `json:"category"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// vetFinding is a diagnostic as cmdVet prints it: in the JSON report's
// terms, posn split, with its package and analyzer.
type vetFinding struct {
	Package string     `json:"package"`
	Check   string     `json:"check"`
	Kind    string     `json:"kind,omitempty"`
	File    string     `json:"file,omitempty"`
	Line    int        `json:"line,omitempty"`
	Column  int        `json:"column,omitempty"`
	Message string     `json:"message,omitempty"`
	Error   string     `json:"error,omitempty"` // the analyzer failed on the package
	Related []vetPlace `json:"related,omitempty"`
}

type vetPlace struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// vetFindings reads go vet -json's output: "# package" comment lines, each
// followed by {"package": {"analyzer": [diagnostics] or {"error": "..."}}}.
func vetFindings(out, dir string) ([]vetFinding, error) {
	var text strings.Builder
	for _, line := range strings.SplitAfter(out, "\n") {
		if !strings.HasPrefix(line, "#") {
			text.WriteString(line)
		}
	}
	findings := []vetFinding{}
	dec := json.NewDecoder(strings.NewReader(text.String()))
	for dec.More() {
		var pkgs map[string]map[string]json.RawMessage
		if err := dec.Decode(&pkgs); err != nil {
			return nil, err
		}
		for pkg, byCheck := range pkgs {
			for check, raw := range byCheck {
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					var failed struct{ Error string }
					if err := json.Unmarshal(raw, &failed); err != nil {
						return nil, fmt.Errorf("%s %s: %v", pkg, check, err)
					}
					findings = append(findings, vetFinding{Package: pkg, Check: check, Error: failed.Error})
					continue
				}
				for _, d := range diags {
					f := vetFinding{Package: pkg, Check: check, Kind: d.Category, Message: d.Message}
					f.File, f.Line, f.Column = splitPosn(d.Posn, dir)
					for _, r := range d.Related {
						p := vetPlace{Message: r.Message}
						p.File, p.Line, p.Column = splitPosn(r.Posn, dir)
						f.Related = append(f.Related, p)
					}
					findings = append(findings, f)
				}
			}
		}
	}
	slices.SortFunc(findings, func(a, b vetFinding) int {
		return cmp.Or(strings.Compare(a.File, b.File), a.Line-b.Line, a.Column-b.Column,
			strings.Compare(a.Check, b.Check), strings.Compare(a.Message+a.Error, b.Message+b.Error))
	})
	return findings, nil
}

// splitPosn splits "file:line:col", file made relative to dir when it is
// below it.
func splitPosn(posn, dir string) (file string, line, col int) {
	file = posn
	if i := strings.LastIndex(file, ":"); i >= 0 {
		col, _ = strconv.Atoi(file[i+1:])
		file = file[:i]
	}
	if i := strings.LastIndex(file, ":"); i >= 0 {
		line, _ = strconv.Atoi(file[i+1:])
		file = file[:i]
	}
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	}
	return file, line, col
}

// jqDefs are the definitions every jq filter of a script can use.
const jqDefs = `def key: "\(.check) \(.file):\(.line)";`

func cmdJQ(ts *testscript.TestScript, neg bool, args []string) {
	raw := len(args) > 0 && args[0] == "-r"
	if raw {
		args = args[1:]
	}
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: jq [-r] filter [file]")
	}
	q, err := gojq.Parse(jqDefs + args[0])
	ts.Check(err)
	code, err := gojq.Compile(q)
	ts.Check(err)
	input := "stdout"
	if len(args) == 2 {
		input = args[1]
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(input)))
	dec.UseNumber()
	var out bytes.Buffer
	for n := 0; ; n++ {
		var v any
		if err := dec.Decode(&v); err != nil {
			if err == io.EOF && n > 0 {
				break
			}
			ts.Fatalf("jq: %s is not JSON: %v", input, err)
		}
		iter := code.Run(normalize(v))
		for {
			r, ok := iter.Next()
			if !ok {
				break
			}
			if err, ok := r.(error); ok {
				ts.Fatalf("jq: %v", err)
			}
			if s, ok := r.(string); ok && raw {
				out.WriteString(s)
			} else {
				b, _ := gojq.Marshal(r)
				out.Write(b)
			}
			out.WriteByte('\n')
		}
	}
	ts.Stdout().Write(out.Bytes())
}

// normalize turns the json.Numbers that are integers into ints, which gojq
// prints as integers (and compares exactly).
func normalize(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return int(i)
		}
		f, _ := v.Float64()
		return f
	case []any:
		for i := range v {
			v[i] = normalize(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = normalize(v[k])
		}
	}
	return v
}

func cmdCopytree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: copytree src dst")
	}
	// Into dst, which may hold files of the script already (a go.mod
	// for a stub), but none that src has.
	ts.Check(os.CopyFS(ts.MkAbs(args[1]), os.DirFS(ts.MkAbs(args[0]))))
}

func cmdCat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: cat file...")
	}
	for _, f := range args {
		fmt.Fprint(ts.Stdout(), ts.ReadFile(f))
	}
}

func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace file old new")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	if n := strings.Count(string(data), args[1]); n != 1 {
		ts.Fatalf("replace: %q occurs %d times in %s, want once", args[1], n, args[0])
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(data), args[1], args[2], 1)), 0o666))
}
