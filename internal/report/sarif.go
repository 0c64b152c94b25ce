package report

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"

	// go-sarif v2 rather than v3: v2's types are pointers with omitempty,
	// so a result carries only what we set, and its sarif package imports
	// nothing but the standard library. v3 writes every optional array as
	// [] and every optional index as -1 on each result, and links a JSON
	// schema validator (xeipuuv/gojsonschema) into the binary for a
	// Validate method we do not need at run time; our test validates
	// against the official schema instead.
	"github.com/owenrumney/go-sarif/v2/sarif"
)

// InformationURI is sqlheat's home, SARIF's tool.driver.informationUri.
const InformationURI = "https://github.com/sqlheat/sqlheat"

// FingerprintKey is the partialFingerprints key of sqlheat's results. The
// version suffix changes if what the hash covers ever changes, so that old
// and new alerts are not confused.
const FingerprintKey = "sqlheat/v1"

// srcRoot is the uriBaseId of every location: GitHub code scanning and
// SARIF viewers resolve it to the checkout's root.
const srcRoot = "%SRCROOT%"

// WriteSARIF writes the report as SARIF 2.1.0, the way GitHub code
// scanning reads it: one rule per check with help and helpUri, results
// with a level from their severity, repository-relative locations
// (opts.PathPrefix) with columns from 1, relatedLocations for the loop,
// callee and query of a chain, and partialFingerprints that do not depend
// on line numbers, so that an alert survives code moving around it.
// Problems the run survived become tool execution notifications.
func WriteSARIF(w io.Writer, r *Report, opts Options) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	name := cmp.Or(r.Tool.Name, "sqlheat")
	run := sarif.NewRunWithInformationURI(name, InformationURI)
	if r.Tool.Version != "" {
		run.Tool.Driver.WithVersion(r.Tool.Version)
	}

	ruleIndex := map[string]int{}
	for i, rule := range opts.rules(r) {
		ruleIndex[rule.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule(rule))
	}

	fps := fingerprints(r, opts)
	for i, f := range r.Findings {
		// The alert's text is all code scanning shows at a glance: the
		// fix and the evidence go there, each a paragraph of its own.
		msg := f.Message
		if f.Fix != "" {
			msg += "\n\nFix: " + f.Fix
		}
		if f.Evidence != nil {
			msg += "\n\n" + f.Evidence.Summary
		}
		res := sarif.NewRuleResult(f.Check).
			WithRuleIndex(ruleIndex[f.Check]).
			WithLevel(level(f.Severity)).
			WithMessage(sarif.NewTextMessage(msg)).
			WithLocations([]*sarif.Location{sarifLocation(opts, f.File, f.Line, f.Column)}).
			WithPartialFingerPrints(map[string]any{FingerprintKey: fps[i]})
		for k, rel := range f.Related {
			loc := sarifLocation(opts, rel.File, rel.Line, rel.Column).
				WithId(k + 1).
				WithMessage(sarif.NewTextMessage(cmp.Or(rel.Message, "related location")))
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		res.Properties = resultProperties(r, f)
		run.AddResult(res)
	}

	// A run that lost packages did not do what was asked, whatever it
	// found in the others: code scanning must not take its silence about
	// them for a clean bill.
	inv := sarif.NewInvocation().WithExecutionSuccess(r.Stats.InternalErrors == 0 && r.Stats.PackageErrors == 0)
	for _, p := range r.Errors {
		lvl := "warning"
		if p.Kind == ProblemCompile {
			lvl = "error"
		}
		n := sarif.NewNotification().WithLevel(lvl).WithMessage(sarif.NewTextMessage(p.String()))
		if p.File != "" {
			n.Locations = []*sarif.Location{sarifLocation(opts, p.File, p.Line, p.Column)}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, s := range r.Skipped {
		msg := "not analyzed: " + s.Package
		if s.Cause != "" {
			msg += " (it imports " + s.Cause + ", which has errors)"
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(msg)))
	}
	run.Invocations = []*sarif.Invocation{inv}
	log.AddRun(run)

	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // messages quote SQL: keep "<" and "&" readable
	if err := enc.Encode(log); err != nil {
		return err
	}
	return bw.Flush()
}

// level maps a severity to a SARIF level; GitHub shows error, warning and
// note as its own error, warning and note.
func level(severity string) string {
	switch severity {
	case "high":
		return "error"
	case "low":
		return "note"
	}
	return "warning"
}

func sarifRule(rule Rule) *sarif.ReportingDescriptor {
	full := rule.Text
	if first, _, ok := strings.Cut(full, "\n\n"); ok {
		full = first // the first paragraph: the why; help has the rest
	}
	d := sarif.NewRule(rule.ID).
		WithName(rule.ID). // GitHub filters alerts by it: the name users type in flags and suppressions
		WithShortDescription(sarif.NewMultiformatMessageString(rule.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString(cmp.Or(oneLine(full), rule.Title))).
		WithHelpURI(rule.HelpURI).
		WithHelp(&sarif.MultiformatMessageString{Text: ptr(helpText(rule)), Markdown: ptr(helpMarkdown(rule))}).
		WithProperties(sarif.Properties{"tags": []string{"sql", "performance"}})
	if rule.Severity != "" {
		d.WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(rule.Severity)))
	}
	return d
}

func helpText(rule Rule) string {
	s := rule.Title
	if rule.Text != "" {
		s += "\n\n" + rule.Text
	}
	return s + "\n\nDocumentation: " + rule.HelpURI
}

func helpMarkdown(rule Rule) string {
	var b strings.Builder
	b.WriteString("**" + escapeMD(rule.Title) + "**\n\n")
	for para := range strings.SplitSeq(rule.Text, "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		if strings.HasPrefix(para, "\t") || strings.HasPrefix(para, "    ") {
			// An indented block in an analyzer's Doc is code.
			b.WriteString("```go\n" + dedent(para) + "\n```\n\n")
			continue
		}
		b.WriteString(escapeMD(oneLine(para)) + "\n\n")
	}
	fmt.Fprintf(&b, "[Documentation](%s)", rule.HelpURI)
	return b.String()
}

func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimPrefix(l, "\t")
		lines[i] = strings.TrimPrefix(l, "    ")
	}
	return strings.Join(lines, "\n")
}

// sarifLocation is a location in the repository. SARIF lines and columns
// start at 1; a location without a line (a file-level problem) has no
// region, and a column below 1 becomes 1.
func sarifLocation(opts Options, file string, line, col int) *sarif.Location {
	art := sarif.NewArtifactLocation()
	p := opts.repoPath(file)
	if strings.HasPrefix(p, "/") || isDrivePath(p) {
		art.WithUri(fileURI(p)) // outside the repository: no base
	} else {
		art.WithUri(escapePath(p)).WithUriBaseId(srcRoot)
	}
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if line >= 1 {
		phys.WithRegion(sarif.NewRegion().WithStartLine(line).WithStartColumn(max(col, 1)))
	}
	return sarif.NewLocationWithPhysicalLocation(phys)
}

// isDrivePath reports a Windows absolute path, "C:/x".
func isDrivePath(p string) bool {
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

func fileURI(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// resultProperties carry what SARIF has no field for: the ranking, and the
// routes and SQL behind the finding.
func resultProperties(r *Report, f Finding) sarif.Properties {
	props := sarif.Properties{
		"severity": f.Severity,
		"rank":     f.Rank,
		"score":    f.Score,
	}
	if f.ScoreBasis != "" {
		props["scoreBasis"] = f.ScoreBasis
	}
	if f.Multiplicity != "" {
		props["multiplicity"] = f.Multiplicity
	}
	if f.SQL != "" {
		props["sql"] = f.SQL
	}
	if f.Fix != "" {
		props["fix"] = f.Fix
	}
	if f.Suggestion != "" {
		props["suggestion"] = f.Suggestion
	}
	if f.Evidence != nil {
		props["verdict"] = f.Evidence.Verdict
		props["evidence"] = f.Evidence.Summary
	}
	if len(f.Routes) > 0 {
		var routes []string
		for _, ref := range f.Routes {
			s := routeName(ref.Method, ref.Pattern)
			if hasRates(r) {
				s += " (" + rateText(r, ref.Rate) + ")"
			}
			routes = append(routes, s)
		}
		props["routes"] = routes
	}
	return props
}

var digits = regexp.MustCompile(`[0-9]+`)

// fingerprints returns each finding's partial fingerprint: a hash of what
// identifies the problem rather than where it sits — the check and its
// kind, the enclosing function (the file when unknown), and the statement
// (its pg_query fingerprint, else its text, else the message with numbers
// masked, since messages cite line numbers) — then ":n" for the n-th
// finding with that hash in the file, counted in position order so the
// count does not change when the ranking does.
func fingerprints(r *Report, opts Options) []string {
	base := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		where := f.Function
		if where == "" {
			where = opts.repoPath(f.File)
		}
		what := f.Fingerprint
		if what == "" {
			what = oneLine(f.SQL)
		}
		if what == "" {
			what = digits.ReplaceAllString(oneLine(f.Message), "N")
		}
		sum := sha256.Sum256([]byte(strings.Join([]string{f.Check, f.Kind, where, what}, "\x00")))
		base[i] = hex.EncodeToString(sum[:16])
	}
	order := make([]int, len(r.Findings))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		fa, fb := r.Findings[a], r.Findings[b]
		return cmp.Or(cmp.Compare(fa.File, fb.File), cmp.Compare(fa.Line, fb.Line), cmp.Compare(fa.Column, fb.Column))
	})
	seen := map[string]int{}
	out := make([]string, len(r.Findings))
	for _, i := range order {
		seen[base[i]]++
		out[i] = fmt.Sprintf("%s:%d", base[i], seen[base[i]])
	}
	return out
}

func ptr[T any](v T) *T { return &v }
