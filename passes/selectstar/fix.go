package selectstar

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/schema"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// columnsFix replaces the star with the columns of its table, in table
// order, so that a rows.Scan written for the star keeps working. It is
// offered only when the edit is unambiguously safe:
//
//   - the star covers exactly one table, whose full column list the
//     catalog knows (not LIKE, INHERITS, PARTITION OF or AS SELECT);
//   - the SQL is one string literal of this package whose source text is
//     its value (a raw string, or an interpreted one without escapes), so
//     that the star's byte offset in the SQL is an offset in the file;
//   - the SQL needed no rewriting to parse (no ? or :name placeholders,
//     which would shift offsets);
//   - the SQL with the star replaced parses again, with that star gone.
func columnsFix(pass *analysis.Pass, cat *schema.Catalog, s *queries.Site, st *sqlparse.Statement, star sqlparse.Star) (analysis.SuggestedFix, bool) {
	var none analysis.SuggestedFix
	if len(star.Tables) != 1 || star.Location < 0 || !s.Lit.IsValid() {
		return none, false
	}
	t := cat.Table(star.Tables[0])
	if t == nil || !t.ColumnsKnown || len(t.Columns) == 0 {
		return none, false
	}
	lit := literalAt(pass, s.Lit)
	if lit == nil || len(lit.Value) < 2 || lit.Value[1:len(lit.Value)-1] != s.SQL {
		return none, false // escapes, or a \r dropped from a raw string
	}
	text := s.SQL
	if sqlparse.Normalize(text) != text {
		return none, false
	}
	start := st.Offset + star.Location
	end, ok := starEnd(text, start, star.Qualifier)
	if !ok {
		return none, false
	}
	qual := ""
	if star.Qualifier != "" {
		qual = strings.TrimSpace(text[start:strings.LastIndexByte(text[:end], '.')]) + "."
	}
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = qual + sqlparse.QuoteIdent(c.Name)
	}
	repl := strings.Join(cols, ", ")
	stars := 0
	for _, st := range s.Stmts {
		stars += len(st.Stars)
	}
	if !stillParses(text[:start]+repl+text[end:], stars) {
		return none, false
	}
	base := lit.Pos() + 1 // after the opening quote
	return analysis.SuggestedFix{
		Message: fmt.Sprintf("Replace %s with the columns of %s", text[start:end], t.Name),
		TextEdits: []analysis.TextEdit{{
			Pos:     base + token.Pos(start),
			End:     base + token.Pos(end),
			NewText: []byte(repl),
		}},
	}, true
}

// literalAt finds the string literal at pos in the package's files.
func literalAt(pass *analysis.Pass, pos token.Pos) *ast.BasicLit {
	for _, f := range pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		var found *ast.BasicLit
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.End() <= pos || n.Pos() > pos {
				return false
			}
			if bl, ok := n.(*ast.BasicLit); ok && bl.Pos() == pos && bl.Kind == token.STRING {
				found = bl
			}
			return true
		})
		return found
	}
	return nil
}

// starEnd checks that text at start is the star as the parser saw it —
// `*`, or the qualifier, a dot and `*`, with blanks between — and returns
// the offset just after the `*`.
func starEnd(text string, start int, qualifier string) (int, bool) {
	if start < 0 || start >= len(text) {
		return 0, false
	}
	i := strings.IndexByte(text[start:], '*')
	if i < 0 {
		return 0, false
	}
	got := strings.Join(strings.Fields(text[start:start+i]), "")
	want := ""
	if qualifier != "" {
		want = qualifier + "."
	}
	// The qualifier is reported lower-cased unless quoted: compare as
	// the parser would, case-insensitively and without quotes.
	if !strings.EqualFold(strings.ReplaceAll(got, `"`, ""), want) {
		return 0, false
	}
	return start + i + 1, true
}

// stillParses reports whether the rewritten SQL parses and has one star
// fewer than before.
func stillParses(sql string, stars int) bool {
	stmts, err := sqlparse.Parse(sql)
	if err != nil {
		return false
	}
	n := 0
	for _, st := range stmts {
		n += len(st.Stars)
	}
	return n == stars-1
}
