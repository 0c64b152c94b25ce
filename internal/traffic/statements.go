package traffic

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Statement is one pg_stat_statements row.
type Statement struct {
	Query     string  // normalized text as PostgreSQL stored it ($1 for constants)
	Calls     int64   // times executed since the statistics were reset
	TotalTime float64 // milliseconds: total_exec_time, or total_time before PostgreSQL 13
	Line      int     // where the row starts in the file
}

// statementColumns are the fields a row needs, each with the names it
// goes by; total_time is PostgreSQL 12 and older.
var statementColumns = [3][]string{
	{"query"},
	{"calls"},
	{"total_exec_time", "total_time"},
}

// parseStatement reads the query, calls and total time of one row; on
// error, col says which of the three was wrong.
func parseStatement(row [3]string) (st Statement, col int, err error) {
	st.Query = row[0]
	if strings.TrimSpace(st.Query) == "" {
		return st, 0, fmt.Errorf("query is empty")
	}
	calls, err := strconv.ParseFloat(strings.TrimSpace(row[1]), 64)
	if err != nil || calls < 0 || calls != math.Trunc(calls) || calls >= math.MaxInt64 {
		return st, 1, fmt.Errorf("calls %q is not a whole number", row[1])
	}
	st.Calls = int64(calls)
	ms, err := strconv.ParseFloat(strings.TrimSpace(row[2]), 64)
	switch {
	case err != nil || math.IsNaN(ms) || math.IsInf(ms, 0):
		return st, 2, fmt.Errorf("total_exec_time %q is not a number", row[2])
	case ms < 0:
		return st, 2, fmt.Errorf("total_exec_time %s is negative", row[2])
	}
	st.TotalTime = ms
	return st, 0, nil
}

// StatementCost is the database cost of one fingerprint, summed over the
// rows that share it (pg_stat_statements keeps one row per user, database
// and query ID, and texts that differ only in constants fingerprint alike).
type StatementCost struct {
	Calls     int64
	TotalTime float64 // milliseconds
	Rows      int     // rows summed
}

// ByFingerprint sums the statements by the fingerprint that fingerprint
// (sqlparse's, in practice) gives their text. Texts it cannot fingerprint
// (truncated by track_activity_query_size, or not PostgreSQL) are counted
// in unparsed, and a warning names the first.
func (p *Profile) ByFingerprint(fingerprint func(sql string) (string, error)) (costs map[string]StatementCost, unparsed int) {
	costs = make(map[string]StatementCost)
	var first *Statement
	for i := range p.Statements {
		st := &p.Statements[i]
		fp, err := fingerprint(st.Query)
		if err != nil || fp == "" {
			unparsed++
			if first == nil {
				first = st
			}
			continue
		}
		c := costs[fp]
		c.Rows++
		c.TotalTime += st.TotalTime
		// Sum with saturation: a counter near the int64 limit must not wrap.
		if c.Calls > math.MaxInt64-st.Calls {
			c.Calls = math.MaxInt64
		} else {
			c.Calls += st.Calls
		}
		costs[fp] = c
	}
	if first != nil {
		p.warnf("%d of %d statements could not be fingerprinted (first at line %d: %s)",
			unparsed, len(p.Statements), first.Line, abbreviate(first.Query, 60))
	}
	return costs, unparsed
}

// abbreviate shortens s to n bytes on one line, for messages.
func abbreviate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return strconv.Quote(s)
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut] + "...")
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
