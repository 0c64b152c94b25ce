package traffic

import (
	"errors"
	"strings"
	"testing"
)

// fakeFingerprint stands in for sqlparse's: texts that differ only in
// layout and case match, and a text cut short (unbalanced parentheses, as
// track_activity_query_size leaves it) does not parse.
func fakeFingerprint(sql string) (string, error) {
	if strings.Count(sql, "(") != strings.Count(sql, ")") {
		return "", errors.New("syntax error at end of input")
	}
	return strings.ToLower(strings.Join(strings.Fields(sql), " ")), nil
}

func TestPGStatStatementsCSV(t *testing.T) {
	p := mustLoad(t, "testdata/pgss.csv", "", Options{})
	if p.Format != FormatPGSS || len(p.Statements) != 5 || len(p.Routes) != 0 {
		t.Fatalf("format %q, %d statements, %d routes", p.Format, len(p.Statements), len(p.Routes))
	}
	st := p.Statements[1]
	if st.Calls != 3400000 || st.TotalTime != 910233.25 || st.Line != 3 || !strings.HasPrefix(st.Query, "SELECT *\n  FROM entries") {
		t.Errorf("statement 1 = %+v", st)
	}
	if p.Statements[2].Line != 6 {
		t.Errorf("statement 2 at line %d, want 6 (after a three-line query)", p.Statements[2].Line)
	}

	costs, unparsed := p.ByFingerprint(fakeFingerprint)
	if unparsed != 1 || len(costs) != 3 {
		t.Errorf("unparsed %d, %d fingerprints; want 1 and 3", unparsed, len(costs))
	}
	// Two users ran the entries query: one fingerprint, summed.
	entries := costs["select * from entries where feed_id = $1"]
	if entries != (StatementCost{Calls: 3401000, TotalTime: 910483.25, Rows: 2}) {
		t.Errorf("entries cost = %+v", entries)
	}
	checkWarnings(t, p, `testdata/pgss.csv: 1 of 5 statements could not be fingerprinted (first at line 10: "SELECT count(*) FROM very_long_table WHERE a = $1 AND b IN (...")`)
}

func TestPGStatStatementsJSON(t *testing.T) {
	p := mustLoad(t, "testdata/pgss.json", "", Options{})
	if p.Format != FormatPGSS || len(p.Statements) != 3 {
		t.Fatalf("format %q, %d statements", p.Format, len(p.Statements))
	}
	if st := p.Statements[2]; st.Calls != 2400 || st.TotalTime != 310.5 || st.Line != 3 {
		t.Errorf("statement 2 (numbers as strings) = %+v", st)
	}
	// Forcing the format reads the same.
	q := mustLoad(t, "testdata/pgss.json", "pg_stat_statements", Options{})
	if len(q.Statements) != 3 {
		t.Errorf("forced: %d statements", len(q.Statements))
	}
}

func TestPGStatStatementsOldPostgres(t *testing.T) {
	// PostgreSQL 12 and older call it total_time.
	p := mustLoad(t, "testdata/pgss_pg12.csv", "pgss", Options{})
	if len(p.Statements) != 2 || p.Statements[1].TotalTime != 910233.25 {
		t.Errorf("statements = %+v", p.Statements)
	}
}

func TestParseStatement(t *testing.T) {
	for _, tt := range []struct {
		row  [3]string
		col  int
		want string
	}{
		{[3]string{"SELECT 1", "1.5", "1"}, 1, `calls "1.5" is not a whole number`},
		{[3]string{"SELECT 1", "-1", "1"}, 1, `calls "-1" is not a whole number`},
		{[3]string{"SELECT 1", "1e30", "1"}, 1, `calls "1e30" is not a whole number`},
		{[3]string{"SELECT 1", "1", "-2"}, 2, `total_exec_time -2 is negative`},
		{[3]string{"SELECT 1", "1", "NaN"}, 2, `total_exec_time "NaN" is not a number`},
		{[3]string{" ", "1", "1"}, 0, `query is empty`},
	} {
		_, col, err := parseStatement(tt.row)
		if err == nil || err.Error() != tt.want || col != tt.col {
			t.Errorf("parseStatement(%q) = %d %v, want %d %s", tt.row, col, err, tt.col, tt.want)
		}
	}
}
