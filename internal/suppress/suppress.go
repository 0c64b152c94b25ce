// Package suppress reads the comments that silence sqlheat findings, and
// is the one filter every finding passes, whoever made it.
//
// A finding a team has looked at and accepted must be silenced where the
// code is, with the reason next to it, so the next reader knows why:
//
//	//sqlheat:ignore queryinloop -- at most 3 regions, cached for an hour
//	for _, r := range regions { ... }
//
// A comment at the end of a line applies to that line. A comment on a line
// of its own applies to the statement (or declaration) that starts on the
// line below it, at its column, to that statement's last line: a loop and
// everything in it, a call written over several lines. That is the range
// golangci-lint gives a //nolint comment, so a suppression means the same
// under every runner. (A finding also counts as on the lines of the loops
// it is about, see check.Finding.Loops: a comment at the end of a for
// line covers the loop's N+1s.)
//
// Several checks are separated by commas; "all" names every check. The
// reason after "--" is required: a suppression without one is itself
// reported, as is one naming no known check, and (with
// -report-unused-ignores) one that silences nothing. "// sqlheat:ignore",
// with a space after the slashes, is reported too, with the fix, and
// silences nothing: Go's directives (//go:generate, //nolint,
// //lint:ignore) are written without one, and a space makes the comment
// prose to every tool that reads directives. golangci-lint's
// //nolint:sqlheat (or //nolint:all, or a bare //nolint) is honored too,
// spelt as golangci-lint accepts it, so a code base moving between
// runners keeps its suppressions. Query files have their own spelling
// (-- sqlheat:ignore, see internal/sqlfiles), which yields the same
// Directives.
//
// A Filter holds the directives of one package and decides for each
// finding. The checks consult it inside the pass, through package check,
// because go vet and golangci-lint print a pass's diagnostics directly;
// the standalone driver consults one for the findings it makes itself. A
// directive covers a range of lines (Line to Last), and a finding is
// silenced when a directive covers one of its places: the line it is
// reported on, the lines its loops start on, or the .sql line a finding
// reported at Go code stands for.
package suppress

import (
	"go/ast"
	"go/token"
	"strings"
)

// Directive is one suppression comment.
type Directive struct {
	Pos    token.Pos
	File   string
	Line   int      // the comment's line
	Last   int      // the last line it covers: Line, or the statement below's last line for a comment on its own
	Own    bool     // the comment stands on a line of its own: it applies to the statement below
	Checks []string // names as written; "all" for every check
	Reason string
	NoLint bool // //nolint:sqlheat
	// Problem says what is wrong with the directive itself, "" if nothing.
	Problem string
	// Space is the length of the blank after "//" of a directive written
	// "// sqlheat:ignore": deleting it is the fix.
	Space int
}

// Applies reports whether d silences a finding of check on line of file.
// A directive with a problem silences nothing.
func (d *Directive) Applies(check, file string, line int) bool {
	if d.Problem != "" || d.File != file || line < d.Line || line > max(d.Last, d.Line) {
		return false
	}
	for _, c := range d.Checks {
		if c == check || c == "all" || c == "sqlheat" {
			return true
		}
	}
	return false
}

// Parse returns the suppression directives of files. known lists the
// check names a directive may name; nil accepts any name.
func Parse(fset *token.FileSet, files []*ast.File, known map[string]bool) []*Directive {
	var out []*Directive
	for _, f := range files {
		tf := fset.File(f.Pos())
		if tf == nil {
			continue
		}
		for _, group := range f.Comments {
			for _, c := range group.List {
				d := parseComment(c.Text, known)
				if d == nil {
					continue
				}
				pos := fset.Position(c.Slash)
				d.Pos, d.File, d.Line = c.Slash, pos.Filename, pos.Line
				d.Own = ownLine(tf, f, c)
				d.Last = d.Line
				if d.Own {
					d.Last = statementEnd(tf, f, group, pos.Column)
				}
				out = append(out, d)
			}
		}
	}
	return out
}

// parseComment reads one comment; nil when it is not a directive.
func parseComment(text string, known map[string]bool) *Directive {
	body, ok := strings.CutPrefix(text, "//")
	if !ok {
		return nil // a /* */ comment
	}
	trimmed := strings.TrimLeft(body, " \t")
	switch {
	case strings.HasPrefix(trimmed, "sqlheat:ignore"):
		rest := strings.TrimPrefix(trimmed, "sqlheat:ignore")
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return nil // //sqlheat:ignoreXYZ is not ours
		}
		d := &Directive{}
		if space := len(body) - len(trimmed); space > 0 {
			return &Directive{Space: space,
				Problem: "write //sqlheat:ignore, without a space after //: with it, this is a comment that silences nothing"}
		}
		// A further "//" ends the directive, as in //nolint:x // why: what
		// follows is another comment (or a test's "// want").
		rest, _, _ = strings.Cut(rest, "//")
		names, reason, hasReason := strings.Cut(rest, "--")
		d.Reason = strings.TrimSpace(reason)
		for _, n := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			d.Checks = append(d.Checks, n)
			if known != nil && n != "all" && n != "sqlheat" && !known[n] {
				d.Problem = "//sqlheat:ignore names unknown check " + n
			}
		}
		switch {
		case len(d.Checks) == 0:
			d.Problem = "//sqlheat:ignore names no check: write //sqlheat:ignore <check> -- <reason>"
		case !hasReason || d.Reason == "":
			d.Problem = "//sqlheat:ignore needs a reason after --: say why this finding is accepted"
		}
		return d
	case trimmed == "nolint" || strings.HasPrefix(trimmed, "nolint ") || strings.HasPrefix(trimmed, "nolint:"):
		// As golangci-lint reads it (its nolint_filter): //nolint and
		// "// nolint" silence every linter; //nolint:a,b those named.
		list, reason, _ := strings.Cut(strings.TrimPrefix(trimmed, "nolint"), "//") // //nolint:sqlheat // reason
		all := &Directive{Checks: []string{"all"}, NoLint: true, Reason: strings.TrimSpace(reason)}
		list, ok := strings.CutPrefix(list, ":")
		if !ok {
			return all
		}
		for _, n := range strings.Split(list, ",") {
			if n = strings.ToLower(strings.TrimSpace(n)); n == "sqlheat" || n == "all" {
				return all
			}
		}
	}
	return nil
}

// statementEnd is the last line a comment on a line of its own covers:
// that of the outermost node starting on the line below the comment's
// group at the comment's column, as golangci-lint expands a //nolint;
// the line below when no node starts there.
func statementEnd(tf *token.File, f *ast.File, group *ast.CommentGroup, col int) int {
	next := tf.Line(group.End()) + 1
	last := next
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || n.Pos() >= n.End() {
			return false
		}
		start, end := tf.Position(n.Pos()), tf.Line(n.End())
		switch {
		case end < next:
			return false // entirely above
		case start.Line > next:
			return false // starts below: neither it nor its children
		case start.Line == next && start.Column == col:
			last = max(last, end)
		}
		return true
	})
	return last
}

// ownLine reports whether comment c is the first thing on its line.
func ownLine(tf *token.File, f *ast.File, c *ast.Comment) bool {
	line := tf.Line(c.Slash)
	start := tf.LineStart(line)
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || found {
			return false
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		if n.End() <= start || n.Pos() >= c.Slash {
			// Entirely before this line, or starting after the comment.
			return n.Pos() < c.Slash && n.End() > start
		}
		if _, ok := n.(*ast.File); ok {
			return true
		}
		// A node begins on this line before the comment, or spans it.
		if tf.Line(n.Pos()) == line && n.Pos() < c.Slash {
			found = true
			return false
		}
		return true
	})
	return !found
}
