package livedb

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// plan returns the root of the statement's generic plan: the statement
// is prepared under a name of its own (a prepared statement caches its
// generic plan, and a hypothetical index created since would not count),
// explained with NULL for each parameter, and deallocated.
func (s *Session) plan(ctx context.Context, sql string) (*Node, error) {
	name := pgx.Identifier{s.next("sqlheat_stmt")}.Sanitize()
	types, typed := s.types[sql]
	err := s.within(ctx, func() error { return s.exec(ctx, prepare(name, sql, types)) })
	if indeterminate(err) && !typed {
		// PostgreSQL cannot infer a parameter's type ($1 IS NULL OR
		// status = $1); the column compared with it can say.
		if types, err = s.paramTypes(ctx, sql); err != nil {
			return nil, err
		}
		s.types[sql] = types
		err = s.within(ctx, func() error { return s.exec(ctx, prepare(name, sql, types)) })
	}
	if err != nil {
		return nil, err
	}
	// A prepared statement outlives the savepoint it was made in.
	defer s.exec(ctx, "DEALLOCATE "+name)
	var n int
	if err := s.tx.QueryRow(ctx, "SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = $1",
		strings.Trim(name, `"`)).Scan(&n); err != nil {
		return nil, err
	}
	q := "EXPLAIN (FORMAT JSON, VERBOSE) EXECUTE " + name
	if n > 0 {
		q += "(" + strings.Repeat("NULL, ", n-1) + "NULL)"
	}
	res := s.conn.PgConn().ExecParams(ctx, q, nil, nil, nil, nil).Read()
	if res.Err != nil {
		return nil, res.Err
	}
	if len(res.Rows) != 1 || len(res.Rows[0]) != 1 {
		return nil, fmt.Errorf("EXPLAIN gave %d rows, want 1", len(res.Rows))
	}
	return parsePlan(res.Rows[0][0])
}

// prepare is the PREPARE statement for sql, with parameter types when
// known.
func prepare(name, sql string, types []string) string {
	q := "PREPARE " + name
	if len(types) > 0 {
		q += " (" + strings.Join(types, ", ") + ")"
	}
	return q + " AS " + sql
}

// exec runs one statement through the extended query protocol, which
// refuses a text holding several: text that came from the audited code
// is only ever sent this way.
func (s *Session) exec(ctx context.Context, q string) error {
	return s.conn.PgConn().ExecParams(ctx, q, nil, nil, nil, nil).Read().Err
}

// indeterminate reports whether err is PostgreSQL failing to infer a
// parameter's type: indeterminate_datatype, or ambiguous_parameter,
// which is what a PREPARE sent through the extended protocol gets.
func indeterminate(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "42P18" || pgErr.Code == "42P08")
}

// paramTypes types the parameters of sql that are compared with a column
// directly ($n = col, col IN ($n, ...), col = ANY($n)) as the column,
// from the catalog; the others stay "unknown", for PostgreSQL to infer.
func (s *Session) paramTypes(ctx context.Context, sql string) ([]string, error) {
	stmts, err := sqlparse.Parse(sql)
	if err != nil || len(stmts) != 1 {
		return nil, err
	}
	var types []string
	for _, f := range stmts[0].Filters {
		if len(f.Params) == 0 || f.Func != "" || f.Column.Table == "" {
			continue
		}
		var typ string
		err := s.tx.QueryRow(ctx, `SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
			WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND a.attnum > 0 AND NOT a.attisdropped`,
			pgx.Identifier(strings.Split(f.Column.Table, ".")).Sanitize(), f.Column.Column).Scan(&typ)
		if errors.Is(err, pgx.ErrNoRows) {
			continue // not a column of a table the database has
		}
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(f.Op, "ANY") || strings.HasSuffix(f.Op, "ALL") {
			typ += "[]"
		}
		for _, p := range f.Params {
			for len(types) < p {
				types = append(types, "")
			}
			if types[p-1] == "" {
				types[p-1] = typ
			}
		}
	}
	for i, t := range types {
		if t == "" {
			types[i] = "unknown"
		}
	}
	return types, nil
}

// table is a table as the database has it.
type table struct {
	oid          uint32
	schema, name string
	rows         float64 // -1 when never analyzed
	bytes        int64
	// relations are the names a plan may read the table by: its own,
	// and for a partitioned table its partitions'.
	relations []string
}

func (t *table) qualified() string { return t.schema + "." + t.name }

// table looks a table up as the statement's search path would, nil when
// the database has none of that name.
func (s *Session) table(ctx context.Context, q sqlparse.QualName) (*table, error) {
	name := pgx.Identifier{q.Name}
	if q.Schema != "" {
		name = pgx.Identifier{q.Schema, q.Name}
	}
	t := new(table)
	var kind string
	err := s.tx.QueryRow(ctx, `SELECT c.oid, n.nspname, c.relname, c.reltuples, pg_total_relation_size(c.oid), c.relkind::text
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass($1)`,
		name.Sanitize()).Scan(&t.oid, &t.schema, &t.name, &t.rows, &t.bytes, &kind)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t.relations = []string{t.name}
	if kind != "p" {
		return t, nil
	}
	// A partitioned table holds no rows itself: its leaves do.
	rows, err := s.tx.Query(ctx, `SELECT c.relname, c.reltuples, pg_total_relation_size(c.oid)
		FROM pg_partition_tree($1) p JOIN pg_class c ON c.oid = p.relid WHERE p.isleaf`, t.oid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t.rows = 0
	for rows.Next() {
		var (
			rel   string
			n     float64
			bytes int64
		)
		if err := rows.Scan(&rel, &n, &bytes); err != nil {
			return nil, err
		}
		t.relations = append(t.relations, rel)
		t.rows += max(n, 0)
		t.bytes += bytes
	}
	return t, rows.Err()
}

// scanOf returns the node of the plan that reads t.
func (n *Node) scanOf(t *table) *Node {
	var found *Node
	n.walk(func(m *Node) bool {
		// A partition may live in another schema than its table.
		if m.scans() && slices.Contains(t.relations, m.Relation) && (m.Schema == "" || m.Schema == t.schema || m.Relation != t.name) {
			found = m
			return false
		}
		return true
	})
	return found
}
