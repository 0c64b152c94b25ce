// Package schema models the database the audited program talks to:
// tables, their columns in order, primary keys, unique constraints and
// indexes (with expression keys and partial predicates). The missingindex
// check asks it whether an index serves a query's filters; the selectstar
// check asks it for a table's columns.
//
// The model is built the way sqlc builds its catalog: DDL statements, from
// schema files or migrations, applied one by one in order, so that a later
// ALTER, RENAME or DROP wins over the CREATE before it. Statements that
// do not parse become warnings and loading goes on: a schema with one
// broken migration still answers for every table the others define.
//
// A Catalog is built by one goroutine (Load, LoadFile, ApplyDDL); once
// built, any number of goroutines may read it.
package schema

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Catalog is the schema built so far.
type Catalog struct {
	// Files lists the files whose statements were applied, in order.
	Files []string
	// Warnings are the statements that did not parse, or that changed
	// something the catalog did not know, in order.
	Warnings []Warning
	// Skipped are the files Load left out because they were written for
	// another database and their PostgreSQL twin was read.
	Skipped []string

	tables map[string]*Table // by "schema.name"
	// enums are the enum types created, by lower-cased unqualified name
	// (as Column.Type names them), with their number of labels.
	enums map[string]int
	// searchPath is where unqualified names go while applying, as set by
	// SET search_path; it lasts until the end of the file, like the
	// session a migration tool opens for it.
	searchPath []string
}

// Warning is a statement the catalog could not use.
type Warning struct {
	File    string
	Line    int // 1-based, 0 when unknown
	Message string
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message)
	}
	return w.File + ": " + w.Message
}

// Column is a table column.
type Column = sqlparse.ColumnDef

// Table is a table, or a materialized view (which is indexed and queried
// like one).
type Table struct {
	Schema  string // "public" unless the DDL or its search_path said otherwise
	Name    string
	Columns []Column // in table order
	// ColumnsKnown is false when Columns is not the whole list: a table
	// created from a query, or with columns from LIKE, INHERITS or
	// PARTITION OF, which only the database knows.
	ColumnsKnown bool
	Indexes      []*Index // in creation order, primary key and unique constraints included
	// PartitionKey are the columns a partitioned table is split on: a
	// filter on them reads the matching partitions only.
	PartitionKey []string
	File         string // where it was created
	Line         int
}

// Index is an index, or the unique index behind a PRIMARY KEY or UNIQUE
// constraint.
type Index struct {
	Name    string
	Keys    []sqlparse.IndexKey
	Unique  bool
	Primary bool
	// Constraint is set when the index belongs to a PRIMARY KEY or UNIQUE
	// constraint of the same name: DROP CONSTRAINT removes it, DROP INDEX
	// cannot.
	Constraint bool
	Method     string // "btree", "hash", "gin", "gist", "brin"...
	// Where is a partial index's predicate ("" for a full index), with
	// its filters; see sqlparse.CreateIndex.
	Where        string
	WhereFilters []sqlparse.Filter
	WhereSimple  bool
	File         string
	Line         int
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{tables: make(map[string]*Table)}
}

// QualifiedName is "schema.name".
func (t *Table) QualifiedName() string { return t.Schema + "." + t.Name }

// Column returns the named column, or nil.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// ColumnNames returns the column names in table order, as a `SELECT *`
// would list them.
func (t *Table) ColumnNames() []string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return names
}

// PrimaryKey returns the primary key's index, or nil.
func (t *Table) PrimaryKey() *Index {
	for _, ix := range t.Indexes {
		if ix.Primary {
			return ix
		}
	}
	return nil
}

// Tables returns every table, ordered by qualified name.
func (c *Catalog) Tables() []*Table {
	out := make([]*Table, 0, len(c.tables))
	for _, k := range c.sortedKeys() {
		out = append(out, c.tables[k])
	}
	return out
}

// Table looks a table up by the name a query uses for it: "orders",
// "public.orders" or "billing.invoices" (as sqlparse reports it). An
// unqualified name is looked for in public, then, since we do not know
// the search_path the program connects with, in any schema that is the
// only one holding such a table. It returns nil for an unknown table.
func (c *Catalog) Table(name string) *Table {
	schema, rel, ok := strings.Cut(name, ".")
	if ok {
		return c.tables[schema+"."+rel]
	}
	if t := c.tables["public."+name]; t != nil {
		return t
	}
	var found *Table
	for _, k := range c.sortedKeys() {
		if t := c.tables[k]; t.Name == name {
			if found != nil {
				return nil // in two schemas: ambiguous
			}
			found = t
		}
	}
	return found
}

func (c *Catalog) sortedKeys() []string {
	keys := make([]string, 0, len(c.tables))
	for k := range c.tables {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// where is the position of the statement being applied.
type where struct {
	file string
	line int
}

func (c *Catalog) warn(at where, format string, args ...any) {
	c.Warnings = append(c.Warnings, Warning{File: at.file, Line: at.line, Message: fmt.Sprintf(format, args...)})
}

// schemaFor is the schema a name created now lands in.
func (c *Catalog) schemaFor(q sqlparse.QualName) string {
	if q.Schema != "" {
		return q.Schema
	}
	if len(c.searchPath) > 0 {
		return c.searchPath[0]
	}
	return "public"
}

// lookup finds an existing table as PostgreSQL would while applying:
// qualified, or in the search path.
func (c *Catalog) lookup(q sqlparse.QualName) *Table {
	if q.Schema != "" {
		return c.tables[q.Schema+"."+q.Name]
	}
	for _, s := range c.path() {
		if t := c.tables[s+"."+q.Name]; t != nil {
			return t
		}
	}
	return nil
}

func (c *Catalog) path() []string {
	if len(c.searchPath) > 0 {
		return c.searchPath
	}
	return []string{"public"}
}

// findIndex finds an index by name: index names are unique per schema.
func (c *Catalog) findIndex(q sqlparse.QualName) (*Table, int) {
	schemas := c.path()
	if q.Schema != "" {
		schemas = []string{q.Schema}
	}
	// Index names are unique within a schema, so any match is the match;
	// the smallest table key keeps a broken schema (two of a name)
	// deterministic without sorting every table on every lookup, which
	// made loading large migration histories quadratic.
	for _, s := range schemas {
		var best *Table
		bestKey, bestIdx := "", -1
		for k, t := range c.tables {
			if t.Schema != s || (best != nil && k > bestKey) {
				continue
			}
			for i, ix := range t.Indexes {
				if ix.Name == q.Name {
					best, bestKey, bestIdx = t, k, i
					break
				}
			}
		}
		if best != nil {
			return best, bestIdx
		}
	}
	return nil, -1
}

// indexNameTaken reports whether schema already has an index (or a
// table: they share a namespace) of that name.
func (c *Catalog) indexNameTaken(schema, name string) bool {
	if c.tables[schema+"."+name] != nil {
		return true
	}
	t, _ := c.findIndex(sqlparse.QualName{Schema: schema, Name: name})
	return t != nil
}

// chooseName picks the name PostgreSQL gives an unnamed index or
// constraint: table_col1_col2_label, the longer part cut to fit 63
// bytes, then a number added until the name is free. DROP INDEX and
// DROP CONSTRAINT in later migrations name indexes this way.
func (c *Catalog) chooseName(t *Table, cols []string, label string) string {
	name1, name2 := t.Name, strings.Join(cols, "_")
	for n := 0; ; n++ {
		suffix := label
		if n > 0 {
			suffix += strconv.Itoa(n)
		}
		a, b := name1, name2
		for len(a)+len(b)+len(suffix)+2 > 63 {
			if len(a) > len(b) {
				a = a[:len(a)-1]
			} else {
				b = b[:len(b)-1]
			}
		}
		name := a + "_" + suffix
		if b != "" {
			name = a + "_" + b + "_" + suffix
		}
		if !c.indexNameTaken(t.Schema, name) {
			return name
		}
	}
}

// keyColumnNames are the names PostgreSQL uses for index keys in a
// chosen name (FigureColname): the column; for an expression, the
// function it calls (lower(...)) or the column it casts (at::date), read
// off the expression's canonical text; else "expr".
func keyColumnNames(keys []sqlparse.IndexKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.Column
		if k.Expr == "" {
			continue
		}
		out[i] = "expr"
		j := 0
		for j < len(k.Expr) && (k.Expr[j] == '_' || 'a' <= k.Expr[j] && k.Expr[j] <= 'z' || j > 0 && '0' <= k.Expr[j] && k.Expr[j] <= '9') {
			j++
		}
		if rest := k.Expr[j:]; j > 0 && (strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "::")) {
			out[i] = k.Expr[:j]
		}
	}
	return out
}

// Apply applies one schema change, made at file:line.
func (c *Catalog) Apply(d sqlparse.DDL, file string, line int) {
	at := where{file, line}
	switch x := d.(type) {
	case *sqlparse.SetSearchPath:
		c.searchPath = x.Schemas
	case *sqlparse.CreateEnum:
		if c.enums == nil {
			c.enums = map[string]int{}
		}
		c.enums[strings.ToLower(x.Type.Name)] = len(x.Labels)
	case *sqlparse.CreateTable:
		c.createTable(at, x)
	case *sqlparse.CreateIndex:
		c.createIndex(at, x)
	case *sqlparse.AddColumn:
		t := c.lookup(x.Table)
		if t == nil {
			c.warn(at, "ALTER TABLE of unknown table %s", x.Table)
			return
		}
		if t.Column(x.Column.Name) == nil {
			t.Columns = append(t.Columns, x.Column)
		}
		for _, k := range x.Keys {
			c.addKey(at, t, k)
		}
	case *sqlparse.DropColumn:
		if t := c.lookup(x.Table); t != nil {
			c.dropColumn(t, x.Column)
		}
	case *sqlparse.AlterColumnType:
		if t := c.lookup(x.Table); t != nil {
			if col := t.Column(x.Column); col != nil {
				col.Type = x.Type
			}
		}
	case *sqlparse.AddConstraint:
		t := c.lookup(x.Table)
		if t == nil {
			c.warn(at, "ALTER TABLE of unknown table %s", x.Table)
			return
		}
		c.addKey(at, t, x.Key)
	case *sqlparse.DropConstraint:
		if t := c.lookup(x.Table); t != nil {
			t.Indexes = slices.DeleteFunc(t.Indexes, func(ix *Index) bool {
				return ix.Constraint && ix.Name == x.Name
			})
		}
	case *sqlparse.RenameTable:
		if t := c.lookup(x.Table); t != nil {
			delete(c.tables, t.QualifiedName())
			t.Name = x.NewName
			c.tables[t.QualifiedName()] = t
		}
	case *sqlparse.RenameColumn:
		if t := c.lookup(x.Table); t != nil {
			c.renameColumn(t, x.Column, x.NewName)
		}
	case *sqlparse.RenameIndex:
		if t, i := c.findIndex(x.Index); t != nil {
			t.Indexes[i].Name = x.NewName
		}
	case *sqlparse.RenameConstraint:
		if t := c.lookup(x.Table); t != nil {
			for _, ix := range t.Indexes {
				if ix.Constraint && ix.Name == x.Name {
					ix.Name = x.NewName // the constraint's index is renamed with it
				}
			}
		}
	case *sqlparse.DropTable:
		if t := c.lookup(x.Table); t != nil {
			delete(c.tables, t.QualifiedName())
		}
	case *sqlparse.DropIndex:
		// The index of a constraint cannot be dropped (PostgreSQL refuses),
		// so it stays.
		if t, i := c.findIndex(x.Index); t != nil && !t.Indexes[i].Constraint {
			t.Indexes = slices.Delete(t.Indexes, i, i+1)
		}
	}
}

func (c *Catalog) createTable(at where, x *sqlparse.CreateTable) {
	schema := c.schemaFor(x.Table)
	key := schema + "." + x.Table.Name
	if c.tables[key] != nil && x.IfNotExists {
		return
	}
	// Without IF NOT EXISTS the database would refuse; a dump and the
	// migrations it came from may both be loaded, and the later
	// definition is the one to trust.
	t := &Table{
		Schema:       schema,
		Name:         x.Table.Name,
		Columns:      slices.Clone(x.Columns),
		ColumnsKnown: !x.FromQuery && !x.MoreColumns,
		PartitionKey: slices.Clone(x.PartitionBy),
		File:         at.file,
		Line:         at.line,
	}
	c.tables[key] = t
	for _, k := range x.Keys {
		c.addKey(at, t, k)
	}
}

// addKey adds the unique index of a PRIMARY KEY or UNIQUE constraint.
func (c *Catalog) addKey(at where, t *Table, k sqlparse.Key) {
	if k.Index != "" {
		// ADD ... USING INDEX: an existing index becomes the constraint's,
		// renamed to the constraint's name if it has one.
		ot, i := c.findIndex(sqlparse.QualName{Schema: t.Schema, Name: k.Index})
		if ot != t {
			c.warn(at, "constraint uses unknown index %s", k.Index)
			return
		}
		ix := t.Indexes[i]
		ix.Constraint, ix.Unique, ix.Primary = true, true, k.Primary
		if k.Name != "" {
			ix.Name = k.Name
		}
		return
	}
	name := k.Name
	if name == "" {
		if k.Primary {
			name = c.chooseName(t, nil, "pkey")
		} else {
			name = c.chooseName(t, k.Columns, "key")
		}
	}
	ix := &Index{
		Name:       name,
		Unique:     true,
		Primary:    k.Primary,
		Constraint: true,
		Method:     "btree",
		File:       at.file,
		Line:       at.line,
	}
	for _, col := range k.Columns {
		ix.Keys = append(ix.Keys, sqlparse.IndexKey{Column: col})
	}
	if k.Primary {
		for _, col := range k.Columns {
			if cd := t.Column(col); cd != nil {
				cd.NotNull = true
			}
		}
	}
	t.Indexes = append(t.Indexes, ix)
}

func (c *Catalog) createIndex(at where, x *sqlparse.CreateIndex) {
	t := c.lookup(x.Table)
	if t == nil {
		c.warn(at, "index %s on unknown table %s", x.Name, x.Table)
		return
	}
	name := x.Name
	if name == "" {
		label := "idx"
		if x.Constraint {
			label = "excl"
		}
		name = c.chooseName(t, keyColumnNames(x.Keys), label)
	} else if ot, i := c.findIndex(sqlparse.QualName{Schema: t.Schema, Name: name}); ot != nil {
		if x.IfNotExists {
			return
		}
		ot.Indexes = slices.Delete(ot.Indexes, i, i+1) // as for tables: the later definition wins
	}
	t.Indexes = append(t.Indexes, &Index{
		Name:         name,
		Keys:         slices.Clone(x.Keys),
		Unique:       x.Unique,
		Method:       x.Method,
		Where:        x.Where,
		WhereFilters: x.WhereFilters,
		WhereSimple:  x.WhereSimple,
		Constraint:   x.Constraint,
		File:         at.file,
		Line:         at.line,
	})
}

// dropColumn removes a column and, as PostgreSQL does, every index whose
// keys or predicate use it.
func (c *Catalog) dropColumn(t *Table, col string) {
	t.Columns = slices.DeleteFunc(t.Columns, func(cd Column) bool { return cd.Name == col })
	t.Indexes = slices.DeleteFunc(t.Indexes, func(ix *Index) bool {
		for _, k := range ix.Keys {
			if k.Column == col {
				return true
			}
		}
		for _, f := range ix.WhereFilters {
			if f.Column.Column == col {
				return true
			}
		}
		return false
	})
}

// renameColumn renames a column in the table and in its indexes. An
// expression over several columns keeps its old text: we do not re-print
// expressions, and matching goes by Column and Func.
func (c *Catalog) renameColumn(t *Table, old, new string) {
	if col := t.Column(old); col != nil {
		col.Name = new
	}
	for i, k := range t.PartitionKey {
		if k == old {
			t.PartitionKey[i] = new
		}
	}
	for _, ix := range t.Indexes {
		for i, k := range ix.Keys {
			if k.Column != old {
				continue
			}
			if k.Func != "" && k.Expr == k.Func+"("+old+")" {
				ix.Keys[i].Expr = k.Func + "(" + new + ")"
			}
			ix.Keys[i].Column = new
		}
		if len(ix.WhereFilters) > 0 {
			fs := slices.Clone(ix.WhereFilters)
			for i := range fs {
				if fs[i].Column.Column == old {
					fs[i].Column.Column = new
				}
			}
			ix.WhereFilters = fs
		}
	}
}

// Clone returns a copy of c that can be changed (ApplyDDL) without
// changing c: a catalog shared by many packages gets each package's own
// migrations applied to a clone.
func (c *Catalog) Clone() *Catalog {
	out := &Catalog{
		Files:      slices.Clone(c.Files),
		Warnings:   slices.Clone(c.Warnings),
		Skipped:    slices.Clone(c.Skipped),
		tables:     make(map[string]*Table, len(c.tables)),
		searchPath: slices.Clone(c.searchPath),
		enums:      maps.Clone(c.enums),
	}
	for k, t := range c.tables {
		nt := *t
		nt.Columns = slices.Clone(t.Columns)
		nt.PartitionKey = slices.Clone(t.PartitionKey)
		nt.Indexes = make([]*Index, len(t.Indexes))
		for i, ix := range t.Indexes {
			nix := *ix
			nix.Keys = slices.Clone(ix.Keys)
			nix.WhereFilters = slices.Clone(ix.WhereFilters)
			nt.Indexes[i] = &nix
		}
		out.tables[k] = &nt
	}
	return out
}

// IsEnum reports whether typ, a Column.Type, is an enum type the schema
// created.
func (c *Catalog) IsEnum(typ string) bool {
	_, ok := c.enums[strings.ToLower(typ)] // Column.Type is lower-cased, quoted or not
	return ok
}

// SystemTable reports whether a table the catalog does not know is the
// database's own (a program asking whether its tables exist yet):
// information_schema's and pg_catalog's views, PostgreSQL's pg_ catalogs
// found on the search path, SQLite's sqlite_ tables. No migration creates
// them, and no index advice is about them.
func SystemTable(schema, name string) bool {
	schema, name = strings.ToLower(schema), strings.ToLower(name)
	switch {
	case schema == "information_schema", schema == "pg_catalog":
		return true
	case schema == "":
		return strings.HasPrefix(name, "pg_") || strings.HasPrefix(name, "sqlite_")
	}
	return false
}

// Len is the number of tables.
func (c *Catalog) Len() int { return len(c.tables) }

// catalogGob is the Catalog as gob encodes it: its unexported state made
// visible, so a built catalog can be cached on disk between go vet's
// processes (one per package).
type catalogGob struct {
	Files      []string
	Warnings   []Warning
	Skipped    []string
	Tables     map[string]*Table
	Enums      map[string]int
	SearchPath []string
}

// GobEncode implements gob.GobEncoder.
func (c *Catalog) GobEncode() ([]byte, error) {
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(catalogGob{c.Files, c.Warnings, c.Skipped, c.tables, c.enums, c.searchPath})
	return buf.Bytes(), err
}

// GobDecode implements gob.GobDecoder.
func (c *Catalog) GobDecode(data []byte) error {
	var g catalogGob
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&g); err != nil {
		return err
	}
	c.Files, c.Warnings, c.Skipped, c.tables, c.enums, c.searchPath = g.Files, g.Warnings, g.Skipped, g.Tables, g.Enums, g.SearchPath
	if c.tables == nil {
		c.tables = map[string]*Table{}
	}
	return nil
}
