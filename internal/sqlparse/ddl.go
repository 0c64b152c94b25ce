package sqlparse

import (
	"strconv"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// DDL is one schema change, reduced to what a catalog of tables, columns
// and indexes needs: one of *CreateTable, *CreateIndex, *AddColumn,
// *DropColumn, *AlterColumnType, *AddConstraint, *DropConstraint,
// *RenameTable, *RenameColumn, *RenameIndex, *RenameConstraint,
// *DropTable, *DropIndex, *CreateEnum, *SetSearchPath. An ALTER TABLE with several
// actions gives one DDL per action, all at the same Span.
//
// These are plain structs, in the manner of sqlc's catalog changes, so that
// internal/schema builds its model without seeing the parser.
type DDL interface {
	At() Span
}

// Span places a statement in the text given to ParseDDL: Offset is a byte
// offset after Normalize, Line (1-based) is the same before and after.
type Span struct {
	Offset int
	Line   int
}

// At returns the span itself; embedding Span makes a struct a DDL.
func (s Span) At() Span { return s }

// QualName is a possibly schema-qualified name, lower-cased unless quoted.
type QualName struct {
	Schema string // "" when unqualified
	Name   string
}

func (q QualName) String() string { return qualified(q.Schema, q.Name) }

// ColumnDef is a table column.
type ColumnDef struct {
	Name    string
	Type    string // the type's name as declared, unqualified: "int8", "text", "varchar", "int4[]"
	NotNull bool   // NOT NULL or PRIMARY KEY
}

// Key is a PRIMARY KEY or UNIQUE constraint: both build a unique index.
type Key struct {
	Name    string // the constraint's name, "" when PostgreSQL picks one
	Primary bool
	Columns []string
	// Index is the existing index the constraint adopts (ADD PRIMARY KEY
	// USING INDEX i); Columns are then empty.
	Index string
}

// IndexKey is one key of an index: a column, or an expression. When the
// expression is one function (or cast) of one column, Column and Func say
// which, as in Filter: lower(email) is {email, lower}.
type IndexKey struct {
	Column string // "" for an expression over several columns or none
	Func   string // "" for a plain column
	Expr   string // canonical text of an expression key (pg_query deparse); "" for a plain column
}

// CreateTable is CREATE TABLE, and also CREATE TABLE AS / CREATE
// MATERIALIZED VIEW (FromQuery, columns unknown), which can be indexed
// and queried like a table.
type CreateTable struct {
	Span
	Table       QualName
	IfNotExists bool
	Columns     []ColumnDef
	Keys        []Key // column- and table-level PRIMARY KEY and UNIQUE, in order
	FromQuery   bool
	// MoreColumns says that columns also come from elsewhere (LIKE,
	// INHERITS, PARTITION OF, OF type), so Columns is not the full list:
	// a SELECT * must not be replaced by it.
	MoreColumns bool
	// PartitionBy are the plain columns of PARTITION BY RANGE/LIST/HASH
	// (...), in order: a filter on them prunes partitions.
	PartitionBy []string
}

// CreateIndex is CREATE [UNIQUE] INDEX.
type CreateIndex struct {
	Span
	Name         string // "" when PostgreSQL picks one
	Table        QualName
	Unique       bool
	Concurrently bool
	IfNotExists  bool
	Method       string // "btree" unless USING says otherwise
	Keys         []IndexKey
	// Where is the canonical text of a partial index's predicate, "" for
	// a full index; WhereFilters are its comparisons, as Parse reports a
	// query's. WhereSimple says the predicate is just the AND of those
	// filters, so that a query having them all is known to imply it.
	Where        string
	WhereFilters []Filter
	WhereSimple  bool
	// Constraint is set for the index of an EXCLUDE constraint (a GiST
	// index, usually), which DROP CONSTRAINT removes.
	Constraint bool
}

// AddColumn is ALTER TABLE ... ADD COLUMN.
type AddColumn struct {
	Span
	Table       QualName
	Column      ColumnDef
	Keys        []Key // PRIMARY KEY / UNIQUE declared on the column
	IfNotExists bool
}

// DropColumn is ALTER TABLE ... DROP COLUMN.
type DropColumn struct {
	Span
	Table    QualName
	Column   string
	IfExists bool
}

// AlterColumnType is ALTER TABLE ... ALTER COLUMN ... TYPE.
type AlterColumnType struct {
	Span
	Table  QualName
	Column string
	Type   string
}

// AddConstraint is ALTER TABLE ... ADD PRIMARY KEY / UNIQUE. Other
// constraints (FOREIGN KEY, CHECK) build no index and are not reported.
type AddConstraint struct {
	Span
	Table QualName
	Key   Key
}

// DropConstraint is ALTER TABLE ... DROP CONSTRAINT, of any kind: the
// catalog knows which constraints carry an index.
type DropConstraint struct {
	Span
	Table    QualName
	Name     string
	IfExists bool
}

// RenameTable is ALTER TABLE ... RENAME TO.
type RenameTable struct {
	Span
	Table   QualName
	NewName string
}

// RenameColumn is ALTER TABLE ... RENAME [COLUMN] ... TO.
type RenameColumn struct {
	Span
	Table   QualName
	Column  string
	NewName string
}

// RenameIndex is ALTER INDEX ... RENAME TO.
type RenameIndex struct {
	Span
	Index   QualName
	NewName string
}

// RenameConstraint is ALTER TABLE ... RENAME CONSTRAINT, which renames the
// index of a PRIMARY KEY or UNIQUE constraint along with it.
type RenameConstraint struct {
	Span
	Table   QualName
	Name    string
	NewName string
}

// DropTable is one table of DROP TABLE (and DROP MATERIALIZED VIEW).
type DropTable struct {
	Span
	Table    QualName
	IfExists bool
}

// DropIndex is one index of DROP INDEX.
type DropIndex struct {
	Span
	Index    QualName
	IfExists bool
}

// CreateEnum is CREATE TYPE ... AS ENUM: a column of such a type holds
// one of a few labels, which an index alone rarely narrows.
type CreateEnum struct {
	Span
	Type   QualName
	Labels []string
}

// SetSearchPath is SET search_path: where the unqualified names of the
// statements after it live.
type SetSearchPath struct {
	Span
	Schemas []string
}

// ParseDDL parses a migration or schema file and returns its schema
// changes in order, skipping statements that change no schema (INSERT of
// seed data, GRANT, BEGIN...).
//
// Unlike Parse, one broken statement does not hide the others: when the
// whole text does not parse, it is cut at each semicolon outside strings,
// quoted identifiers and comments, and each statement is parsed alone; the
// ones the parser refuses come back as errors, in order, and the rest
// still count. ParseDDL is not cached: schema files are read once.
func ParseDDL(text string) ([]DDL, []*ParseError) {
	norm := Normalize(text)
	if tree, err := pg.Parse(norm); err == nil {
		var out []DDL
		for _, raw := range tree.Stmts {
			out = append(out, ddlOf(norm, 0, raw)...)
		}
		return out, nil
	}
	var (
		out  []DDL
		errs []*ParseError
	)
	for _, p := range splitStatements(norm) {
		piece := norm[p[0]:p[1]]
		tree, err := pg.Parse(piece)
		text := norm
		if err != nil {
			if k, _ := Guess(piece); k == KindRead || k == KindWrite || k == KindOther {
				// Another dialect's statement that changes no schema
				// (SQLite's PRAGMA, INSERT OR IGNORE of seed rows): skipped
				// as PostgreSQL's own are.
				continue
			}
			if lite, ok := withoutSQLiteWords(piece); ok {
				if t, e := pg.Parse(lite); e == nil {
					// SQLite's DDL, read without the words PostgreSQL does
					// not know; same length, so offsets and lines hold.
					tree, err, text = t, nil, norm[:p[0]]+lite+norm[p[1]:]
				}
			}
		}
		if err != nil {
			errs = append(errs, newParseError(norm, p[0], piece, err))
			continue
		}
		for _, raw := range tree.Stmts {
			out = append(out, ddlOf(text, p[0], raw)...)
		}
	}
	return out, errs
}

// withoutSQLiteWords is a CREATE TABLE written for SQLite with the words
// only SQLite knows there blanked out: AUTOINCREMENT after a column's
// PRIMARY KEY, and the table options WITHOUT ROWID and STRICT after its
// column list. What is left is the table PostgreSQL would create. The
// words are found by PostgreSQL's own lexer, so a string or a quoted name
// that spells them is left alone; ok is false when there was nothing to
// blank.
func withoutSQLiteWords(stmt string) (string, bool) {
	res, err := pg.Scan(stmt)
	if err != nil {
		return "", false
	}
	toks := res.GetTokens()
	word := func(i int) string {
		t := toks[i]
		if t.GetToken() == pg.Token_SQL_COMMENT || t.GetToken() == pg.Token_C_COMMENT {
			return ""
		}
		return strings.ToLower(stmt[t.GetStart():t.GetEnd()])
	}
	// Only CREATE [TEMP] TABLE: the words mean something else elsewhere.
	table := false
	for i := range toks {
		if w := word(i); w != "" && w != "create" && w != "temp" && w != "temporary" {
			table = w == "table"
			break
		}
	}
	if !table {
		return "", false
	}
	b := []byte(stmt)
	blank := func(i int) {
		for j := toks[i].GetStart(); j < toks[i].GetEnd(); j++ {
			b[j] = ' '
		}
	}
	changed := false
	depth, closed := 0, false
	pk := false // in a column definition, after its PRIMARY KEY
	for i, t := range toks {
		switch {
		case t.GetToken() == '(':
			depth++
		case t.GetToken() == ')':
			depth--
			closed = closed || depth == 0
		case depth == 1 && t.GetToken() == ',':
			pk = false
		case depth == 1 && word(i) == "primary":
			pk = true
		case pk && depth == 1 && t.GetToken() == pg.Token_IDENT && word(i) == "autoincrement":
			// PRIMARY KEY [ASC|DESC] [ON CONFLICT ...] AUTOINCREMENT
			blank(i)
			changed = true
		case closed && depth == 0:
			// After the column list: SQLite's table options, and the
			// commas between them.
			switch w := word(i); {
			case w == "strict", w == ",", w == "rowid" && i > 0 && word(i-1) == "without":
				blank(i)
				changed = true
			case w == "without" && i+1 < len(toks) && word(i+1) == "rowid":
				blank(i)
				changed = true
			}
		}
	}
	return string(b), changed
}

// splitStatements cuts text at the semicolons that end statements,
// returning [start, end) of each piece that holds more than blanks and
// comments. The semicolons inside a BEGIN ATOMIC body are cut too; such
// a body only fails to parse here when another statement is broken.
func splitStatements(text string) [][2]int {
	var out [][2]int
	start := 0
	add := func(end int) {
		if s := skipSpaceAndComments(text, start); s < end {
			out = append(out, [2]int{start, end})
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\'':
			i = skipString(text, i, isEscapePrefix(text, i))
		case c == '"':
			i = min(skipQuoted(text, i, '"'), len(text))
		case c == '-' && i+1 < len(text) && text[i+1] == '-':
			i = skipLineComment(text, i)
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			i = skipBlockComment(text, i)
		case c == '$' && (i == 0 || !isIdentChar(text[i-1])):
			if end, ok := skipDollarQuote(text, i); ok {
				i = end
			} else {
				i++
			}
		case c == ';':
			add(i)
			i++
			start = i
		default:
			i++
		}
	}
	add(len(text))
	return out
}

// ddlOf converts one parsed statement; raw's locations count from base
// in norm.
func ddlOf(norm string, base int, raw *pg.RawStmt) []DDL {
	_, start := stmtText(norm, raw.StmtLocation+int32(base), raw.StmtLen)
	span := Span{Offset: start, Line: 1 + strings.Count(norm[:start], "\n")}
	switch x := inner(raw.Stmt).(type) {
	case *pg.CreateStmt:
		out := []DDL{createTable(span, x)}
		for _, e := range x.TableElts {
			if ci := exclusion(span, x.Relation, e.GetConstraint()); ci != nil {
				out = append(out, ci)
			}
		}
		return out
	case *pg.CreateTableAsStmt:
		if x.Into == nil || x.Into.Rel == nil {
			return nil
		}
		return []DDL{&CreateTable{Span: span, Table: qualName(x.Into.Rel), IfNotExists: x.IfNotExists, FromQuery: true}}
	case *pg.IndexStmt:
		return []DDL{createIndex(span, span.Offset-base, x)}
	case *pg.AlterTableStmt:
		return alterTable(span, x)
	case *pg.RenameStmt:
		return rename(span, x)
	case *pg.DropStmt:
		return drop(span, x)
	case *pg.CreateEnumStmt:
		ce := &CreateEnum{Span: span}
		if names := strs(x.TypeName); len(names) > 0 {
			ce.Type.Name = names[len(names)-1]
			if len(names) > 1 {
				ce.Type.Schema = names[len(names)-2]
			}
		}
		ce.Labels = strs(x.Vals)
		return []DDL{ce}
	case *pg.VariableSetStmt:
		if x.Name != "search_path" || x.Kind != pg.VariableSetKind_VAR_SET_VALUE {
			return nil
		}
		sp := &SetSearchPath{Span: span}
		for _, a := range x.Args {
			if s := a.GetAConst().GetSval(); s != nil {
				sp.Schemas = append(sp.Schemas, s.Sval) // SET search_path TO 'app'
			}
		}
		return []DDL{sp}
	}
	return nil
}

func qualName(rv *pg.RangeVar) QualName {
	return QualName{Schema: rv.Schemaname, Name: rv.Relname}
}

// nameList reads a DROP object's qualified name ([schema,] name).
func nameList(n *pg.Node) QualName {
	s := strs(n.GetList().GetItems())
	switch len(s) {
	case 0:
		return QualName{}
	case 1:
		return QualName{Name: s[0]}
	}
	return QualName{Schema: s[len(s)-2], Name: s[len(s)-1]}
}

func typeName(t *pg.TypeName) string {
	if t == nil {
		return ""
	}
	name := lastName(t.Names)
	for range t.ArrayBounds {
		name += "[]"
	}
	return name
}

func columnDef(cd *pg.ColumnDef) (ColumnDef, []Key) {
	col := ColumnDef{Name: cd.Colname, Type: typeName(cd.TypeName), NotNull: cd.IsNotNull}
	var keys []Key
	for _, c := range cd.Constraints {
		con := c.GetConstraint()
		if con == nil {
			continue
		}
		switch con.Contype {
		case pg.ConstrType_CONSTR_NOTNULL:
			col.NotNull = true
		case pg.ConstrType_CONSTR_PRIMARY:
			col.NotNull = true
			keys = append(keys, Key{Name: con.Conname, Primary: true, Columns: []string{cd.Colname}})
		case pg.ConstrType_CONSTR_UNIQUE:
			keys = append(keys, Key{Name: con.Conname, Columns: []string{cd.Colname}})
		}
	}
	return col, keys
}

// tableKey reads a table-level PRIMARY KEY or UNIQUE constraint.
func tableKey(con *pg.Constraint) (Key, bool) {
	switch con.Contype {
	case pg.ConstrType_CONSTR_PRIMARY, pg.ConstrType_CONSTR_UNIQUE:
		return Key{
			Name:    con.Conname,
			Primary: con.Contype == pg.ConstrType_CONSTR_PRIMARY,
			Columns: strs(con.Keys),
			Index:   con.Indexname,
		}, true
	}
	return Key{}, false
}

func createTable(span Span, x *pg.CreateStmt) *CreateTable {
	ct := &CreateTable{Span: span, Table: qualName(x.Relation), IfNotExists: x.IfNotExists}
	ct.MoreColumns = len(x.InhRelations) > 0 || x.Partbound != nil || x.OfTypename != nil
	if x.Partspec != nil {
		for _, p := range x.Partspec.PartParams {
			if el := p.GetPartitionElem(); el != nil && el.Name != "" {
				ct.PartitionBy = append(ct.PartitionBy, el.Name)
			}
		}
	}
	for _, e := range x.TableElts {
		switch el := inner(e).(type) {
		case *pg.TableLikeClause:
			ct.MoreColumns = true
		case *pg.ColumnDef:
			col, keys := columnDef(el)
			ct.Columns = append(ct.Columns, col)
			ct.Keys = append(ct.Keys, keys...)
		case *pg.Constraint:
			if k, ok := tableKey(el); ok {
				ct.Keys = append(ct.Keys, k)
			}
		}
	}
	// A primary key's columns are NOT NULL.
	for _, k := range ct.Keys {
		if !k.Primary {
			continue
		}
		for i := range ct.Columns {
			for _, kc := range k.Columns {
				if ct.Columns[i].Name == kc {
					ct.Columns[i].NotNull = true
				}
			}
		}
	}
	return ct
}

// createIndex converts CREATE INDEX. The parser's locations count from
// byte loc0 of the statement, which the partial predicate's filters need.
func createIndex(span Span, loc0 int, x *pg.IndexStmt) *CreateIndex {
	ci := &CreateIndex{
		Span:         span,
		Name:         x.Idxname,
		Table:        qualName(x.Relation),
		Unique:       x.Unique,
		Concurrently: x.Concurrent,
		IfNotExists:  x.IfNotExists,
		Method:       strings.ToLower(x.AccessMethod),
	}
	if ci.Method == "" {
		ci.Method = "btree"
	}
	// Keys and the predicate resolve against the one table indexed.
	a := &analyzer{base: loc0, st: &Statement{}}
	sc := &scope{items: []*fromItem{{ref: x.Relation.Relname, table: ci.Table.String()}}}
	for _, p := range x.IndexParams {
		el := p.GetIndexElem()
		if el == nil {
			continue
		}
		if el.Expr == nil {
			ci.Keys = append(ci.Keys, IndexKey{Column: el.Name})
			continue
		}
		k := IndexKey{Expr: deparseExpr(el.Expr)}
		if c, fn, _, ok := a.colExpr(sc, el.Expr); ok {
			k.Column, k.Func = c.Column, fn
			if fn == "" {
				k.Expr = "" // (email) is just the column
			}
		}
		ci.Keys = append(ci.Keys, k)
	}
	if x.WhereClause != nil {
		ci.Where = deparseExpr(x.WhereClause)
		ci.WhereSimple = true
		for _, c := range conjuncts(x.WhereClause) {
			n := len(a.st.Filters)
			a.predicate(sc, c, false)
			if len(a.st.Filters) != n+1 || has[*pg.SubLink](c) {
				ci.WhereSimple = false
			}
		}
		ci.WhereFilters = a.st.Filters
	}
	return ci
}

// exclusion converts an EXCLUDE constraint into the index PostgreSQL
// builds for it (GiST unless USING says otherwise), which serves queries
// like any index of its method: EXCLUDE USING gist (day WITH =, span WITH
// &&) lets `WHERE day < $1` use it. nil for other constraints.
func exclusion(span Span, rel *pg.RangeVar, con *pg.Constraint) *CreateIndex {
	if con == nil || con.Contype != pg.ConstrType_CONSTR_EXCLUSION || rel == nil {
		return nil
	}
	ci := &CreateIndex{Span: span, Name: con.Conname, Table: qualName(rel), Method: strings.ToLower(con.AccessMethod), Constraint: true}
	if ci.Method == "" {
		ci.Method = "gist"
	}
	for _, e := range con.Exclusions {
		items := e.GetList().GetItems()
		if len(items) == 0 {
			continue
		}
		el := items[0].GetIndexElem()
		if el == nil {
			continue
		}
		if el.Expr != nil {
			ci.Keys = append(ci.Keys, IndexKey{Expr: deparseExpr(el.Expr)})
			continue
		}
		ci.Keys = append(ci.Keys, IndexKey{Column: el.Name})
	}
	if con.WhereClause != nil {
		ci.Where = deparseExpr(con.WhereClause)
	}
	return ci
}

// conjuncts flattens an AND tree.
func conjuncts(n *pg.Node) []*pg.Node {
	if b := n.GetBoolExpr(); b != nil && b.Boolop == pg.BoolExprType_AND_EXPR {
		var out []*pg.Node
		for _, arg := range b.Args {
			out = append(out, conjuncts(arg)...)
		}
		return out
	}
	return []*pg.Node{n}
}

// deparseExpr renders an expression the way pg_query prints it, so that
// two spellings of one expression compare equal: `LOWER( Email )` and
// `lower(email)` both give "lower(email)".
func deparseExpr(n *pg.Node) string {
	sel := &pg.SelectStmt{TargetList: []*pg.Node{{Node: &pg.Node_ResTarget{ResTarget: &pg.ResTarget{Val: n}}}}}
	tree := &pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: &pg.Node{Node: &pg.Node_SelectStmt{SelectStmt: sel}}}}}
	out, err := pg.Deparse(tree)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(out, "SELECT ")
}

func alterTable(span Span, x *pg.AlterTableStmt) []DDL {
	if x.Relation == nil {
		return nil
	}
	table := qualName(x.Relation)
	if x.Objtype == pg.ObjectType_OBJECT_INDEX {
		return nil // ALTER INDEX ... SET (...): nothing we model
	}
	var out []DDL
	for _, c := range x.Cmds {
		cmd := c.GetAlterTableCmd()
		if cmd == nil {
			continue
		}
		switch cmd.Subtype {
		case pg.AlterTableType_AT_AddColumn:
			if cd := cmd.Def.GetColumnDef(); cd != nil {
				col, keys := columnDef(cd)
				out = append(out, &AddColumn{Span: span, Table: table, Column: col, Keys: keys, IfNotExists: cmd.MissingOk})
			}
		case pg.AlterTableType_AT_DropColumn:
			out = append(out, &DropColumn{Span: span, Table: table, Column: cmd.Name, IfExists: cmd.MissingOk})
		case pg.AlterTableType_AT_AlterColumnType:
			if cd := cmd.Def.GetColumnDef(); cd != nil {
				out = append(out, &AlterColumnType{Span: span, Table: table, Column: cmd.Name, Type: typeName(cd.TypeName)})
			}
		case pg.AlterTableType_AT_AddConstraint:
			if con := cmd.Def.GetConstraint(); con != nil {
				if k, ok := tableKey(con); ok {
					out = append(out, &AddConstraint{Span: span, Table: table, Key: k})
				} else if ci := exclusion(span, x.Relation, con); ci != nil {
					out = append(out, ci)
				}
			}
		case pg.AlterTableType_AT_DropConstraint:
			out = append(out, &DropConstraint{Span: span, Table: table, Name: cmd.Name, IfExists: cmd.MissingOk})
		}
	}
	return out
}

func rename(span Span, x *pg.RenameStmt) []DDL {
	if x.Relation == nil {
		return nil
	}
	rel := qualName(x.Relation)
	switch x.RenameType {
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_MATVIEW:
		return []DDL{&RenameTable{Span: span, Table: rel, NewName: x.Newname}}
	case pg.ObjectType_OBJECT_COLUMN:
		return []DDL{&RenameColumn{Span: span, Table: rel, Column: x.Subname, NewName: x.Newname}}
	case pg.ObjectType_OBJECT_INDEX:
		return []DDL{&RenameIndex{Span: span, Index: rel, NewName: x.Newname}}
	case pg.ObjectType_OBJECT_TABCONSTRAINT:
		return []DDL{&RenameConstraint{Span: span, Table: rel, Name: x.Subname, NewName: x.Newname}}
	}
	return nil
}

func drop(span Span, x *pg.DropStmt) []DDL {
	var out []DDL
	for _, o := range x.Objects {
		name := nameList(o)
		switch x.RemoveType {
		case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_MATVIEW:
			out = append(out, &DropTable{Span: span, Table: name, IfExists: x.MissingOk})
		case pg.ObjectType_OBJECT_INDEX:
			out = append(out, &DropIndex{Span: span, Index: name, IfExists: x.MissingOk})
		}
	}
	return out
}

// literal returns the text of a constant, through casts ('x'::text), or
// "" when n is not one.
func literal(n *pg.Node) string {
	if tc := n.GetTypeCast(); tc != nil {
		n = tc.Arg
	}
	c := n.GetAConst()
	switch {
	case c == nil:
		return ""
	case c.Isnull:
		return "NULL"
	case c.GetSval() != nil:
		return c.GetSval().Sval
	case c.GetIval() != nil:
		return strconv.Itoa(int(c.GetIval().Ival))
	case c.GetFval() != nil:
		return c.GetFval().Fval
	case c.GetBoolval() != nil:
		return strconv.FormatBool(c.GetBoolval().Boolval)
	case c.GetBsval() != nil:
		return c.GetBsval().Bsval
	}
	return ""
}
