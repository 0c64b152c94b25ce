package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/testenv"
)

// The GitHub Actions workflow, in .github/workflows/sqlheat.yml (run on
// this repository) and in the README's CI section (for users): it parses,
// has the steps code scanning and annotations need, its sqlheat command
// lines use only real flags of the command, and they do what they say on
// a scratch repository.
//
// This stays a Go test rather than a script (testdata/script): what it
// runs is not written in it but read from the README and the workflow
// file, whose YAML and shell lines it parses, so a script would need all
// of that as custom commands. It runs the built binary all the same.

type workflow struct {
	Name        string            `yaml:"name"`
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn      string            `yaml:"runs-on"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []step            `yaml:"steps"`
	} `yaml:"jobs"`
}

type step struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]any    `yaml:"with"`
	Env  map[string]string `yaml:"env"`
}

// sqlheatCall is one sqlheat command line of a run script.
type sqlheatCall struct {
	step   *step
	args   []string // after the program, up to a redirection or operator
	stdout string   // file after ">", if any
}

func TestWorkflows(t *testing.T) {
	needBinary(t)
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var inReadme string
	for _, block := range strings.Split(string(readme), "```yaml\n")[1:] {
		if block, _, _ = strings.Cut(block, "```"); strings.Contains(block, "jobs:") {
			inReadme = block
			break
		}
	}
	if inReadme == "" {
		t.Fatal("README has no ```yaml block with a workflow (jobs:)")
	}
	repo, err := os.ReadFile("../../.github/workflows/sqlheat.yml")
	if err != nil {
		t.Fatal(err)
	}
	flags := driverFlags(t)
	for _, wf := range []struct{ name, text, build string }{
		{".github/workflows/sqlheat.yml", string(repo), `go build -o "$RUNNER_TEMP/sqlheat" ./cmd/sqlheat`},
		{"README", inReadme, `GOBIN="$RUNNER_TEMP" go install github.com/sqlheat/sqlheat/cmd/sqlheat@latest`},
	} {
		t.Run(strings.ReplaceAll(wf.name, "/", "_"), func(t *testing.T) {
			t.Parallel()
			calls := checkWorkflow(t, wf.text, wf.build, flags)
			runCalls(t, calls)
		})
	}
}

// checkWorkflow checks the workflow's structure and returns its sqlheat calls.
func checkWorkflow(t *testing.T, text, build string, flags map[string]bool) []sqlheatCall {
	var w workflow
	dec := yaml.NewDecoder(strings.NewReader(text))
	dec.KnownFields(true)
	if err := dec.Decode(&w); err != nil {
		t.Fatalf("not a workflow: %v", err)
	}
	if _, ok := w.On["pull_request"]; !ok {
		t.Error("the workflow does not run on pull_request")
	}
	if len(w.Jobs) != 1 {
		t.Fatalf("want one job, have %d", len(w.Jobs))
	}
	for name, job := range w.Jobs {
		if job.RunsOn == "" {
			t.Errorf("job %s has no runs-on", name)
		}
		if job.Permissions["security-events"] != "write" {
			t.Errorf("job %s lacks permissions security-events: write, which upload-sarif needs", name)
		}
		var calls []sqlheatCall
		built, uploaded := false, ""
		var upload *step
		for i := range job.Steps {
			s := &job.Steps[i]
			switch {
			case strings.HasPrefix(s.Uses, "actions/checkout@"):
				if d := s.With["fetch-depth"]; d != 0 {
					t.Errorf("checkout fetch-depth = %v, want 0 (-new-from-rev needs the base commit)", d)
				}
			case strings.HasPrefix(s.Uses, "actions/setup-go@"):
				if s.With["go-version-file"] != "go.mod" && s.With["go-version"] == nil {
					t.Errorf("setup-go without a Go version: %v", s.With)
				}
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				uploaded, _ = s.With["sarif_file"].(string)
				upload = s
				if !strings.Contains(s.If, "!cancelled()") && !strings.Contains(s.If, "always()") {
					t.Errorf("upload-sarif runs only if every step before it passed (if: %q): a finding would keep the report from code scanning", s.If)
				}
			case strings.Contains(s.Run, build):
				built = true
			}
			for _, c := range sqlheatCalls(s) {
				if !built {
					t.Errorf("step %q runs sqlheat before a step builds it (%s)", s.Name, build)
				}
				calls = append(calls, c)
			}
		}
		// The two calls the README describes.
		var github, sarif *sqlheatCall
		for i, c := range calls {
			checkFlags(t, c, flags)
			switch flagValue(c.args, "format") {
			case "github":
				github = &calls[i]
			case "sarif":
				sarif = &calls[i]
			}
		}
		if github == nil {
			t.Error("no sqlheat -format github step")
		} else {
			rev := flagValue(github.args, "new-from-rev")
			if rev != "$BASE_SHA" || github.step.Env["BASE_SHA"] != "${{ github.event.pull_request.base.sha }}" {
				t.Errorf("-format github step: -new-from-rev %q with env %v; want $BASE_SHA from ${{ github.event.pull_request.base.sha }}", rev, github.step.Env)
			}
			if !strings.Contains(github.step.If, "pull_request") {
				t.Errorf("-format github step runs outside pull requests (if: %q), where there is no base commit", github.step.If)
			}
		}
		if sarif == nil {
			t.Error("no sqlheat -format sarif step")
		} else {
			if sarif.stdout == "" || sarif.stdout != uploaded {
				t.Errorf("SARIF written to %q, upload-sarif uploads %q", sarif.stdout, uploaded)
			}
			if !strings.Contains(sarif.step.Run, "|| [ $? -eq 1 ]") {
				t.Error("the SARIF step fails the job on findings (exit code 1): keep going with `|| [ $? -eq 1 ]`, failing only on 2 and 3")
			}
			// A run that failed (2: packages that do not load; 3) wrote a
			// report that is missing packages, or none: code scanning
			// would close the alerts of what it did not see. The upload
			// runs only when the SARIF step succeeded — which !cancelled()
			// alone does not say, nor hashFiles (the shell creates the
			// file before sqlheat runs).
			if want := "steps." + sarif.step.ID + ".outcome == 'success'"; upload != nil && (sarif.step.ID == "" || !strings.Contains(upload.If, want)) {
				t.Errorf("upload-sarif if: %q; want it to require %s (give the SARIF step an id), so that a failed load is not uploaded", upload.If, want)
			}
		}
		for _, c := range calls {
			if !slices.Contains(c.args, "-report-unused-ignores") {
				t.Errorf("step %q: the README keeps -report-unused-ignores on in CI", c.step.Name)
			}
		}
		return calls
	}
	return nil
}

// sqlheatCalls finds the lines of a step's script that run sqlheat.
func sqlheatCalls(s *step) []sqlheatCall {
	var out []sqlheatCall
	for _, line := range strings.Split(s.Run, "\n") {
		words := shellWords(line)
		if len(words) == 0 || filepath.Base(words[0]) != "sqlheat" {
			continue
		}
		c := sqlheatCall{step: s}
		for i := 1; i < len(words); i++ {
			w := words[i]
			if w == ">" && i+1 < len(words) {
				c.stdout = words[i+1]
				break
			}
			if w == "||" || w == "|" || w == "&&" || w == ";" {
				break
			}
			c.args = append(c.args, w)
		}
		out = append(out, c)
	}
	return out
}

// shellWords splits a line of shell as far as these scripts need: words,
// double and single quotes (kept literal, variables unexpanded), and
// the operators > || | && ; as words of their own.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	inWord, quote := false, byte(0)
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			} else {
				cur.WriteByte(ch)
			}
		case ch == '"' || ch == '\'':
			quote, inWord = ch, true
		case ch == ' ' || ch == '\t':
			flush()
		case ch == '#' && !inWord:
			flush()
			return words
		case strings.IndexByte(">|&;", ch) >= 0:
			flush()
			op := string(ch)
			if i+1 < len(line) && (line[i+1] == '|' || line[i+1] == '&') && ch == line[i+1] {
				op += string(line[i+1])
				i++
			}
			words = append(words, op)
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	flush()
	return words
}

// driverFlags reads the command's flags from its -h output: name -> takes
// a value.
func driverFlags(t *testing.T) map[string]bool {
	code, _, stderr := runSqlheat(t, "", "-h")
	if code != 0 {
		t.Fatalf("sqlheat -h: exit %d", code)
	}
	flags := map[string]bool{}
	// "  -name type" for a flag with a value, "  -name" or "  -x\tusage"
	// for a boolean.
	for _, m := range regexp.MustCompile(`(?m)^  -(\S+)( \S+)?`).FindAllStringSubmatch(stderr.String(), -1) {
		flags[m[1]] = m[2] != ""
	}
	for _, f := range []string{"format", "new-from-rev", "baseline", "write-baseline"} {
		if !flags[f] {
			t.Fatalf("sqlheat -h does not list -%s with a value:\n%s", f, stderr.String())
		}
	}
	if v, ok := flags["report-unused-ignores"]; !ok || v {
		t.Fatalf("sqlheat -h does not list the boolean -report-unused-ignores:\n%s", stderr.String())
	}
	return flags
}

// checkFlags checks a call's flags against the command's and parses them
// with the command itself (-V stops after parsing).
func checkFlags(t *testing.T, c sqlheatCall, flags map[string]bool) {
	t.Helper()
	var flagArgs []string
	for i := 0; i < len(c.args); i++ {
		a := c.args[i]
		if !strings.HasPrefix(a, "-") {
			if a != "./..." {
				t.Errorf("step %q: sqlheat packages %q, want ./...", c.step.Name, a)
			}
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		takesValue, ok := flags[name]
		if !ok {
			t.Errorf("step %q: sqlheat has no flag -%s", c.step.Name, name)
			continue
		}
		flagArgs = append(flagArgs, a)
		if takesValue && !hasValue && i+1 < len(c.args) {
			i++
			flagArgs = append(flagArgs, c.args[i])
		}
	}
	if f := flagValue(c.args, "format"); f != "" && !slices.Contains(report.Formats, f) {
		t.Errorf("step %q: -format %s is not one of %v", c.step.Name, f, report.Formats)
	}
	if code, _, stderr := runSqlheat(t, "", append(flagArgs, "-V")...); code != 0 {
		t.Errorf("step %q: sqlheat %s does not parse: exit %d\n%s", c.step.Name, strings.Join(flagArgs, " "), code, stderr.String())
	}
}

// flagValue is the value of -name in args ("" if absent).
func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == "-"+name || a == "--"+name {
			if i+1 < len(args) {
				return args[i+1]
			}
		}
		if v, ok := strings.CutPrefix(a, "-"+name+"="); ok {
			return v
		}
	}
	return ""
}

// runCalls runs the workflow's sqlheat command lines, as the runner would,
// on a scratch repository of the demo whose pull request adds an N+1: the
// annotations name only it, and the SARIF has every finding.
func runCalls(t *testing.T, calls []sqlheatCall) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("SQLHEAT_INTEGRATION") != "" {
			t.Fatal("git not found")
		}
		t.Skip("git not found")
	}
	dir := filepath.Join(t.TempDir(), "demo")
	testenv.CopyTree(t, dir, "../../testdata/demo")
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=sqlheat test", "-c", "user.email=test@sqlheat.invalid", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		// The user's git configuration must not change the diff sqlheat reads.
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "the demo")
	base := strings.TrimSpace(git("rev-parse", "HEAD"))

	// The pull request: a new N+1 at the end of internal/store/orders.go,
	// and a handler that calls it.
	const newNPlusOne = `
// CustomerNames looks the names up one customer at a time.
func (s *Store) CustomerNames(ctx context.Context, ids []int64) ([]string, error) {
	var names []string
	for _, id := range ids {
		var name string
		if err := s.db.QueryRowContext(ctx, ` + "`SELECT name FROM customers WHERE id = $1`" + `, id).Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
`
	orders := filepath.Join(dir, "internal", "store", "orders.go")
	data, err := os.ReadFile(orders)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(orders, append(data, newNPlusOne...), 0o644); err != nil {
		t.Fatal(err)
	}
	// And the handler that calls it, on a line of its own (code nothing
	// calls is not shown).
	customers := filepath.Join(dir, "internal", "api", "customers.go")
	api, err := os.ReadFile(customers)
	if err != nil {
		t.Fatal(err)
	}
	const me = "c, err := h.store.GetCustomer(r.Context(), customerID(r.Context()))"
	if !bytes.Contains(api, []byte(me)) {
		t.Fatalf("%s has no %q to call the new method beside", customers, me)
	}
	api = bytes.Replace(api, []byte(me), []byte(me+"; _, _ = h.store.CustomerNames(r.Context(), nil)"), 1)
	if err := os.WriteFile(customers, api, 0o644); err != nil {
		t.Fatal(err)
	}
	line := strconv.Itoa(bytes.Count(data, []byte("\n")) + 1 + strings.Count(newNPlusOne[:strings.Index(newNPlusOne, "SELECT name")], "\n"))
	git("add", "-A")
	git("commit", "-q", "-m", "the pull request")

	const demoFindings = 9 // as testdata/demo/EXPECTED.md plants them
	for _, c := range calls {
		args := []string{"-C", dir}
		for _, a := range c.args {
			args = append(args, strings.ReplaceAll(a, "$BASE_SHA", base))
		}
		code, stdout, stderr := runSqlheat(t, "", args...)
		if code != 1 {
			t.Errorf("step %q: exit %d, want 1 (findings)\n%s", c.step.Name, code, stderr)
		}
		switch flagValue(c.args, "format") {
		case "github":
			want := "::error file=internal/store/orders.go,line=" + line + ","
			if out := strings.TrimSpace(stdout.String()); strings.Count(out, "\n") != 0 || !strings.HasPrefix(out, want) {
				t.Errorf("step %q: want one annotation, %s..., got:\n%s", c.step.Name, want, out)
			}
		case "sarif":
			if n := strings.Count(stdout.String(), `"ruleId"`); n != demoFindings+1 {
				t.Errorf("step %q: %d SARIF results, want %d", c.step.Name, n, demoFindings+1)
			}
		}
	}

	// A pull request that breaks a package: the SARIF step fails (exit
	// code 2, which `|| [ $? -eq 1 ]` passes on), so that the upload,
	// which requires its success, does not run; and the report itself
	// says the run did not succeed.
	if err := os.WriteFile(orders, append(data, "\nvar broken int = \"s\"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range calls {
		if flagValue(c.args, "format") != "sarif" {
			continue
		}
		code, stdout, stderr := runSqlheat(t, "", append([]string{"-C", dir}, c.args...)...)
		if code != 2 {
			t.Errorf("step %q on a package that does not compile: exit %d, want 2\n%s", c.step.Name, code, stderr)
		}
		if !strings.Contains(stdout.String(), `"executionSuccessful": false`) {
			t.Errorf("step %q on a package that does not compile: the SARIF does not say executionSuccessful: false", c.step.Name)
		}
	}
}

// runSqlheat runs the built sqlheat with args in dir and returns its exit
// code and output.
func runSqlheat(t *testing.T, dir string, args ...string) (code int, stdout, stderr *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(sqlheatBin, args...)
	cmd.Dir = dir
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("sqlheat %s: %v", strings.Join(args, " "), err)
		}
		return exit.ExitCode(), stdout, stderr
	}
	return 0, stdout, stderr
}
