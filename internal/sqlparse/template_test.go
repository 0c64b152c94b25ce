package sqlparse

import (
	"strings"
	"testing"
)

func TestFillHoles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
		holes          int
	}{
		{"percent marker", "SELECT s.* FROM s WHERE a = $1 %query% ORDER BY %order%",
			"SELECT s.* FROM s WHERE a = $1 TRUE    ORDER BY TRUE   ", 2},
		{"template value", "SELECT id FROM t WHERE {{.Where}} LIMIT 5", "SELECT id FROM t WHERE TRUE" + blanks(6) + " LIMIT 5", 1},
		{"template control keeps branches", "SELECT id FROM t WHERE a {{if .B}}AND b = $1{{end}}",
			"SELECT id FROM t WHERE a " + blanks(9) + "AND b = $1" + blanks(7), 2},
		{"trim markers", "SELECT id FROM t {{- /* note */ -}} WHERE {{ .W -}}", "SELECT id FROM t " + blanks(18) + " WHERE TRUE" + blanks(5), 2},
		{"sprintf verbs", "SELECT id FROM t WHERE id IN (%s) LIMIT %d", "SELECT id FROM t WHERE id IN (TRUE) LIMIT TRUE", 2},
		{"indexed verb", "SELECT id FROM t WHERE a = %[1]s", "SELECT id FROM t WHERE a = TRUE ", 1},
		{"newline inside a hole", "SELECT 1 WHERE {{\n.X}}", "SELECT 1 WHERE TRUE\n   ", 1},

		// Not holes.
		{"LIKE pattern", "SELECT id FROM t WHERE name LIKE '%foo%'", "SELECT id FROM t WHERE name LIKE '%foo%'", 0},
		{"comment", "SELECT 1 -- %query%\n", "SELECT 1 -- %query%\n", 0},
		{"quoted identifier", `SELECT "%a%" FROM t`, `SELECT "%a%" FROM t`, 0},
		{"dollar quote", "SELECT $x$ {{.A}} $x$", "SELECT $x$ {{.A}} $x$", 0},
		{"modulo", "SELECT a % b FROM t", "SELECT a % b FROM t", 0},
		{"verb glued to a word", "SELECT a %sum FROM t", "SELECT a %sum FROM t", 0},
	}
	for _, tt := range tests {
		got, n := fillHoles(tt.in)
		if got != tt.want || n != tt.holes {
			t.Errorf("%s: fillHoles(%q) = %q, %d; want %q, %d", tt.name, tt.in, got, n, tt.want, tt.holes)
		}
		if strings.Count(got, "\n") != strings.Count(tt.in, "\n") {
			t.Errorf("%s: lines changed", tt.name)
		}
	}
}

func blanks(n int) string { return strings.Repeat(" ", n) }

func TestParseTemplate(t *testing.T) {
	t.Parallel()
	stmts, n, err := ParseTemplate("SELECT subscribers.* FROM subscribers WHERE status != 'blocklisted' AND %query% ORDER BY %order%")
	if err != nil || n != 2 || len(stmts) != 1 {
		t.Fatalf("ParseTemplate = %v, %d, %v; want one statement, 2 holes", stmts, n, err)
	}
	st := stmts[0]
	if len(st.Stars) != 1 || st.Stars[0].Qualifier != "subscribers" {
		t.Errorf("stars = %+v; want subscribers.*", st.Stars)
	}
	if len(st.Filters) == 0 || st.Filters[0].Column.Column != "status" {
		t.Errorf("filters = %+v; want the filter on status around the hole", st.Filters)
	}

	// Other fillers where TRUE does not parse: a whole statement, an
	// optional clause.
	for _, text := range []string{
		"WITH subs AS (%query%) DELETE FROM subscribers WHERE id = ANY(SELECT id FROM subs)",
		"SELECT s.* FROM s WHERE a = $1 %query% ORDER BY %order%",
	} {
		if stmts, n, err := ParseTemplate(text); err != nil || n == 0 || len(stmts) != 1 {
			t.Errorf("ParseTemplate(%q) = %d holes, %v", text, n, err)
		}
	}

	// Text that parses is never filled; text without holes keeps its error.
	if _, n, err := ParseTemplate("SELECT a % b FROM t"); err != nil || n != 0 {
		t.Errorf("modulo: %d holes, %v", n, err)
	}
	if _, _, err := ParseTemplate("SELEC 1"); err == nil {
		t.Error("SELEC 1 parsed")
	}
	// A hole where a table stands still does not parse: the original error.
	if _, _, err := ParseTemplate("SELECT * FROM %s WHERE id = $1"); err == nil || !strings.Contains(err.Error(), "%") {
		t.Errorf("table hole: %v; want the unfilled text's error", err)
	}

	for s, want := range map[string]bool{"($1)": true, "$2": true, "(?, ?)": true, "?": true, "($)": false, "(a)": false, "()": false, "": false} {
		if IsPlaceholderList(s) != want {
			t.Errorf("IsPlaceholderList(%q) = %v", s, !want)
		}
	}
	if !IsHole("%query%") || !IsHole("{{.Where}}") || !IsHole("%s") || IsHole("x %query%") || IsHole("?") {
		t.Error("IsHole")
	}
}
