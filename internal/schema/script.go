package schema

import (
	"os"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Statement is one statement of a schema file, as written.
type Statement struct {
	File string
	Line int // 1-based
	SQL  string
}

// Script returns the statements of schema files as Load reads them, in
// order, for a database built from the migrations (sqlheat's scratch
// mode): of a goose migration only its Up sections, of a Go source the
// string literals holding DDL (applyGo), of any other file every
// statement, seed data included. A file that cannot be read is an
// error; a Go file that does not parse gives no statements, as it gives
// the catalog only a warning.
func Script(files []string) ([]Statement, error) {
	var out []Statement
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(f, ".go") {
			lits, _ := goDDL(f, data)
			for _, l := range lits {
				out = append(out, pieces(f, l.text, l.line)...)
			}
			continue
		}
		text := string(data)
		for _, seg := range segments(text) {
			line := 1 + strings.Count(text[:seg.offset], "\n")
			out = append(out, pieces(f, text[seg.offset:seg.end], line)...)
		}
	}
	return out, nil
}

// pieces splits text, whose first line is line of file, into statements.
func pieces(file, text string, line int) []Statement {
	var out []Statement
	for _, p := range sqlparse.Split(text) {
		out = append(out, Statement{File: file, Line: line + p.Line - 1, SQL: p.SQL})
	}
	return out
}
