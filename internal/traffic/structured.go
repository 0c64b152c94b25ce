package traffic

import (
	"fmt"
	"strings"
)

// fromTree reads a JSON or YAML profile: a map of route to rate, a list of
// {method, pattern, rate}, or a list of pg_stat_statements rows (told apart
// by their "query" key).
func (p *Profile) fromTree(t *tree, pgssOnly bool) *Error {
	switch t.kind {
	case treeNull:
		return nil // empty document: an empty profile
	case treeMap:
		if pgssOnly {
			return t.errorf("a pg_stat_statements export is a list of rows, not a map")
		}
		return p.routeMap(t)
	case treeList:
		if pgssOnly || isStatementList(t) {
			p.Format = FormatPGSS
			return p.statementList(t)
		}
		return p.routeList(t)
	}
	return t.errorf("a traffic profile is a map of route to rate or a list of {method, pattern, rate}, not a %s", t.kind)
}

// errorf and wrap place an error at the node, so that a bad rate points
// at the rate, not at the start of its route's entry.
func (t *tree) errorf(format string, args ...any) *Error {
	return &Error{Line: t.line, Col: t.col, Err: fmt.Errorf(format, args...)}
}

func (t *tree) wrap(err error) *Error {
	return &Error{Line: t.line, Col: t.col, Err: err}
}

// field finds a map's value by key, case-insensitively ("Rate" from a
// spreadsheet export reads as "rate"); the first of names present wins.
func (t *tree) field(names ...string) *tree {
	for _, name := range names {
		for i, k := range t.keys {
			if k.kind == treeScalar && strings.EqualFold(strings.TrimSpace(k.val), name) {
				return t.items[i]
			}
		}
	}
	return nil
}

// isStatementList tells a pg_stat_statements export from a route list by
// its first row: one file never mixes the two.
func isStatementList(t *tree) bool {
	for _, it := range t.items {
		if it.kind == treeMap {
			return it.field("query") != nil
		}
	}
	return false
}

func (p *Profile) routeMap(t *tree) *Error {
	var set routeSet
	seen := make(map[string]int) // key -> line
	for i, k := range t.keys {
		v := t.items[i]
		if k.kind != treeScalar {
			return k.errorf("route must be a string, not a %s", k.kind)
		}
		// A key written twice is a slip (JSON decoders keep the last);
		// spellings that differ ("/a/{id}", "/a/:id") are summed below.
		if line, dup := seen[k.val]; dup {
			return k.errorf("route %q is listed twice (first at line %d)", k.val, line)
		}
		seen[k.val] = k.line
		pat, err := routePattern("", k.val)
		if err != nil {
			return k.wrap(err)
		}
		rate, e := rateOf(v, k.val)
		if e != nil {
			return e
		}
		set.add(pat, rate)
	}
	p.Routes = set.routes()
	return nil
}

func (p *Profile) routeList(t *tree) *Error {
	var set routeSet
	for _, it := range t.items {
		if it.kind != treeMap {
			return it.errorf("route must be a map with method, pattern and rate, not a %s", it.kind)
		}
		method, e := scalarField(it, "method")
		if e != nil {
			return e
		}
		// "route" and "path" are what exporters other than ours call it.
		pattern, e := scalarField(it, "pattern", "route", "path")
		if e != nil {
			return e
		}
		if pattern == "" {
			return it.errorf(`route has no "pattern"`)
		}
		pat, err := routePattern(method, pattern)
		if err != nil {
			return it.wrap(err)
		}
		if it.field("rate") == nil {
			return it.errorf(`route %q has no "rate"`, pattern)
		}
		rate, e := rateOf(it.field("rate"), pattern)
		if e != nil {
			return e
		}
		set.add(pat, rate)
	}
	p.Routes = set.routes()
	return nil
}

// scalarField returns the text of a scalar field, "" when absent or null.
func scalarField(t *tree, names ...string) (string, *Error) {
	v := t.field(names...)
	switch {
	case v == nil || v.kind == treeNull:
		return "", nil
	case v.kind != treeScalar:
		return "", v.errorf("%s must be a string, not a %s", names[0], v.kind)
	}
	return v.val, nil
}

// rateOf reads a rate node; route names it in messages, since a map
// entry's position alone does not say which of many lines is wrong.
func rateOf(v *tree, route string) (float64, *Error) {
	switch {
	case v == nil || v.kind == treeNull:
		return 0, v.errorf("rate for %q is missing", route)
	case v.kind != treeScalar:
		return 0, v.errorf("rate for %q must be a number, not a %s", route, v.kind)
	}
	rate, err := parseRate(v.val)
	if err != nil {
		return 0, v.wrap(err)
	}
	return rate, nil
}

// statementList reads pg_stat_statements rows, as exported by
// SELECT json_agg(s) FROM pg_stat_statements s (every column; extra ones
// ignored).
func (p *Profile) statementList(t *tree) *Error {
	for _, it := range t.items {
		if it.kind != treeMap {
			return it.errorf("pg_stat_statements row must be a map with query, calls and total_exec_time, not a %s", it.kind)
		}
		var row [3]string
		for i, names := range statementColumns {
			v := it.field(names...)
			switch {
			case v == nil || v.kind == treeNull:
				return it.errorf("pg_stat_statements row has no %q", names[0])
			case v.kind != treeScalar:
				return v.errorf("%s must be a scalar, not a %s", names[0], v.kind)
			}
			row[i] = v.val
		}
		st, col, err := parseStatement(row)
		if err != nil {
			v := it.field(statementColumns[col]...)
			return v.wrap(err)
		}
		st.Line = it.line
		p.Statements = append(p.Statements, st)
	}
	return nil
}
