package livedb

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/schema"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Drift is a difference between the database and the migrations sqlheat
// read: an index created by hand in production, a migration never run.
// Index advice built from migrations that do not match the database is
// advice about another database, so drift is reported, and a finding
// the database already serves is retracted.
type Drift struct {
	Table string // schema-qualified
	Index string // "" when the table itself is missing
	// InDatabase is set when the database has the index and the
	// migrations do not; otherwise the migrations have it (At says
	// where) and the database does not.
	InDatabase bool
	Definition string // the database's CREATE INDEX, or the migrations' keys
	// File and Line are where the migrations create it (not InDatabase).
	File string
	Line int
}

func (d Drift) String() string {
	switch {
	case d.Index == "":
		return fmt.Sprintf("the migrations create table %s (%s), which the database does not have", d.Table, at(d.File, d.Line))
	case d.InDatabase:
		return fmt.Sprintf("the database has index %s on %s, which the migrations do not create: %s", d.Index, d.Table, d.Definition)
	}
	return fmt.Sprintf("the migrations create index %s on %s %s (%s), which the database does not have", d.Index, d.Table, d.Definition, at(d.File, d.Line))
}

// dbIndex is an index as the database defines it.
type dbIndex struct {
	name string
	def  string // pg_get_indexdef
	ci   *sqlparse.CreateIndex
}

// Drift compares the tables of Options.Catalog, and their indexes, with
// the database's, in the catalog's order. Tables the migrations do not
// know are not the program's concern and are left out. It is nil without
// a catalog and in scratch mode, whose database is the migrations.
func (s *Session) Drift(ctx context.Context) ([]Drift, error) {
	cat := s.opts.Catalog
	if cat == nil || s.scratch != nil {
		return nil, nil
	}
	var out []Drift
	err := s.within(ctx, func() error {
		for _, ct := range cat.Tables() {
			t, err := s.table(ctx, sqlparse.QualName{Schema: ct.Schema, Name: ct.Name})
			if err != nil {
				return err
			}
			if t == nil {
				out = append(out, Drift{Table: ct.QualifiedName(), File: ct.File, Line: ct.Line})
				continue
			}
			have, err := s.indexesOf(ctx, t)
			if err != nil {
				return err
			}
			for _, d := range have {
				if !slices.ContainsFunc(ct.Indexes, func(ix *schema.Index) bool { return sameIndex(d.ci, ix) }) {
					out = append(out, Drift{Table: t.qualified(), Index: d.name, InDatabase: true, Definition: d.def})
				}
			}
			for _, ix := range ct.Indexes {
				if !slices.ContainsFunc(have, func(d dbIndex) bool { return sameIndex(d.ci, ix) }) {
					out = append(out, Drift{Table: t.qualified(), Index: ix.Name, Definition: keysText(ix.Keys), File: ix.File, Line: ix.Line})
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, s.wrap("compare the schema with the migrations", err)
	}
	return out, nil
}

// indexDrift says which of the named indexes of t, used by the current
// plan, the migrations do not create ("" when they create them all, or
// when the catalog does not know t).
func (s *Session) indexDrift(ctx context.Context, t *table, names []string) (string, error) {
	cat := s.opts.Catalog
	if cat == nil {
		return "", nil
	}
	ct := cat.Table(t.qualified())
	if ct == nil {
		return "", nil
	}
	have, err := s.indexesOf(ctx, t)
	if err != nil {
		return "", err
	}
	var notes []string
	for _, d := range have {
		if slices.Contains(names, d.name) && !slices.ContainsFunc(ct.Indexes, func(ix *schema.Index) bool { return sameIndex(d.ci, ix) }) {
			notes = append(notes, Drift{Table: t.qualified(), Index: d.name, InDatabase: true, Definition: d.def}.String())
		}
	}
	return strings.Join(notes, "; "), nil
}

// missingTableDrift is the drift note for a table the database lacks,
// "" when the migrations do not create it either.
func (s *Session) missingTableDrift(q sqlparse.QualName) string {
	if s.opts.Catalog == nil || s.scratch != nil {
		return ""
	}
	ct := s.opts.Catalog.Table(q.String())
	if ct == nil {
		return ""
	}
	return Drift{Table: ct.QualifiedName(), File: ct.File, Line: ct.Line}.String()
}

// indexesOf returns the indexes of t, read once per session.
func (s *Session) indexesOf(ctx context.Context, t *table) ([]dbIndex, error) {
	if have, ok := s.dbIndexes[t.oid]; ok {
		return have, nil
	}
	rows, err := s.tx.Query(ctx, `SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1 ORDER BY i.relname`, t.oid)
	if err != nil {
		return nil, err
	}
	var have []dbIndex
	for rows.Next() {
		var d dbIndex
		if err := rows.Scan(&d.name, &d.def); err != nil {
			return nil, err
		}
		// pg_get_indexdef is PostgreSQL's own spelling, which its parser
		// reads back; one it did not would be a bug of ours, and the
		// index then matches nothing.
		if ddls, _ := sqlparse.ParseDDL(d.def); len(ddls) == 1 {
			d.ci, _ = ddls[0].(*sqlparse.CreateIndex)
		}
		have = append(have, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if s.dbIndexes == nil {
		s.dbIndexes = map[uint32][]dbIndex{}
	}
	s.dbIndexes[t.oid] = have
	return have, nil
}

// sameIndex reports whether the database's index is the migrations'
// one: the same method, the same keys in order, both partial or both
// not. Names are not compared: PostgreSQL names unnamed indexes itself,
// and a rename changes nothing a query sees.
func sameIndex(d *sqlparse.CreateIndex, ix *schema.Index) bool {
	if d == nil || d.Method != ix.Method || len(d.Keys) != len(ix.Keys) || (d.Where == "") != (ix.Where == "") {
		return false
	}
	for i, k := range d.Keys {
		if keyID(k) != keyID(ix.Keys[i]) {
			return false
		}
	}
	return true
}

// keyID identifies an index key: a column, a function of one column, or
// an expression's canonical text.
func keyID(k sqlparse.IndexKey) string {
	if k.Column != "" {
		return k.Column + "\x00" + k.Func
	}
	return k.Expr
}

// keysText shows index keys as a CREATE INDEX lists them.
func keysText(keys []sqlparse.IndexKey) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k.Expr
		if k.Expr == "" {
			parts[i] = sqlparse.QuoteIdent(k.Column)
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func at(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}
