package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteGitHub writes one GitHub Actions workflow command per finding, which
// the runner turns into an annotation on the file and line of the pull
// request: error for high severity, warning for medium, notice for low.
// Files are repository-relative (opts.PathPrefix). The message is the
// finding's, followed, on lines of their own, by the routes reaching it
// (with their traffic when ranked), the fix and the suggestion. Problems the run
// survived are warnings too. Findings come in rank order, so that the
// annotations GitHub keeps when there are too many are the ones that
// matter most.
func WriteGitHub(w io.Writer, r *Report, opts Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		msg := f.Message
		if routes := findingRoutes(r, f, 3); routes != "" {
			msg += "\nroutes: " + routes
		}
		if f.Fix != "" {
			msg += "\nfix: " + f.Fix
		}
		if f.Suggestion != "" && !strings.Contains(f.Message+f.Fix, f.Suggestion) {
			msg += "\nsuggestion: " + f.Suggestion
		}
		if f.Evidence != nil {
			msg += "\n" + f.Evidence.Summary
		}
		props := []string{
			"file=" + escapeProperty(opts.repoPath(f.File)),
			fmt.Sprintf("line=%d", max(f.Line, 1)),
			fmt.Sprintf("col=%d", max(f.Column, 1)),
			"title=" + escapeProperty("sqlheat "+f.Check),
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", annotationLevel(f.Severity), strings.Join(props, ","), escapeData(msg))
	}
	for _, p := range r.Errors {
		var props []string
		if p.File != "" {
			props = append(props, "file="+escapeProperty(opts.repoPath(p.File)))
			if p.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", p.Line))
			}
			if p.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", p.Column))
			}
		}
		props = append(props, "title="+escapeProperty("sqlheat"))
		msg := p.Message
		if p.File == "" && p.Package != "" {
			msg = p.Package + ": " + msg
		}
		level := "warning"
		if p.Kind == ProblemCompile {
			level = "error" // the package was not analyzed
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
	}
	return bw.Flush()
}

func annotationLevel(severity string) string {
	switch severity {
	case "high":
		return "error"
	case "low":
		return "notice"
	}
	return "warning"
}

// escapeData escapes a workflow command's message, as the Actions
// toolkit's escapeData does: "%", CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, as the
// toolkit's escapeProperty does: escapeData's, plus ":" and ",", which
// would end the value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
