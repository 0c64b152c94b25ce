package traffic

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// fromCSV reads a CSV profile. The header names the columns, in any order
// and case: method (optional), pattern (or route, path) and rate for
// routes; query, calls and total_exec_time (or total_time) for a
// pg_stat_statements export (psql's \copy ... csv header writes one).
// Other columns are ignored, so a full pg_stat_statements dump works.
func (p *Profile) fromCSV(br *bufio.Reader, pgssOnly bool) *Error {
	head, _ := br.Peek(4096)
	r := csv.NewReader(br)
	r.Comma = csvSeparator(string(head))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	r.ReuseRecord = true

	header, err := r.Read()
	if err == io.EOF {
		return nil // no header, no rows: empty
	}
	if err != nil {
		return csvErr(err)
	}
	// Columns by name, so exports may order and add columns as they like.
	cols := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	find := func(names ...string) int {
		for _, n := range names {
			if i, ok := cols[n]; ok {
				return i
			}
		}
		return -1
	}
	switch {
	case find("query") >= 0 || pgssOnly:
		p.Format = FormatPGSS
		var idx [3]int
		for i, names := range statementColumns {
			if idx[i] = find(names...); idx[i] < 0 {
				return &Error{Line: 1, Err: fmt.Errorf("header has no %q column (a pg_stat_statements export needs query, calls and total_exec_time)", names[0])}
			}
		}
		return p.statementRows(r, idx)
	case find("rate") >= 0 && find("pattern", "route", "path") >= 0:
		return p.routeRows(r, find("method"), find("pattern", "route", "path"), find("rate"))
	}
	return &Error{Line: 1, Err: fmt.Errorf("header %q must name the columns method, pattern and rate (or query, calls and total_exec_time)", strings.Join(header, string(r.Comma)))}
}

// csvSeparator picks the separator of the first line: a comma, unless the
// line has none and has semicolons (spreadsheets in comma-decimal
// locales) or tabs.
func csvSeparator(head string) rune {
	if i := strings.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	switch {
	case strings.Contains(head, ","):
		return ','
	case strings.Contains(head, ";"):
		return ';'
	case strings.Contains(head, "\t"):
		return '\t'
	}
	return ','
}

// routeRows reads route rows given the column of each field (method may
// be -1: absent). Repeated routes are summed: an export grouped by status
// code lists a route once per code.
func (p *Profile) routeRows(r *csv.Reader, method, pattern, rate int) *Error {
	var set routeSet
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return csvErr(err)
		}
		m := ""
		if method >= 0 {
			m = rec[method]
		}
		pat, err := routePattern(m, rec[pattern])
		if err != nil {
			return fieldErr(r, pattern, err)
		}
		v, err := parseRate(rec[rate])
		if err != nil {
			return fieldErr(r, rate, err)
		}
		set.add(pat, v)
	}
	p.Routes = set.routes()
	return nil
}

func (p *Profile) statementRows(r *csv.Reader, idx [3]int) *Error {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvErr(err)
		}
		st, col, err := parseStatement([3]string{rec[idx[0]], rec[idx[1]], rec[idx[2]]})
		if err != nil {
			return fieldErr(r, idx[col], err)
		}
		st.Line, _ = r.FieldPos(0)
		p.Statements = append(p.Statements, st)
	}
}

// fieldErr places err at a field of the record just read; FieldPos counts
// lines of quoted multi-line fields (a pg_stat_statements query) right.
func fieldErr(r *csv.Reader, field int, err error) *Error {
	line, col := r.FieldPos(field)
	return &Error{Line: line, Col: col, Err: err}
}

// csvErr keeps encoding/csv's position but not its wording of it, which
// would repeat the line ("parse error on line 7, column 3: ...").
func csvErr(err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			msg = "wrong number of fields (the header has a different number)"
		}
		return &Error{Line: pe.Line, Col: pe.Column, Err: errors.New(msg)}
	}
	return &Error{Err: err}
}
