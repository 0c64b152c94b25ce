// Package ormmodel reads Go struct types as gorm and bun map them to
// tables: the table's name, its columns in order, its primary key, and the
// indexes and unique constraints their struct tags declare.
//
// Services built on an ORM often have no SQL schema at all: the tables are
// whatever AutoMigrate or NewCreateTable makes of the models. To check
// their queries against indexes, sqlheat needs that schema, named exactly
// as the ORM names it, and it needs the models to build the SQL an ORM
// chain (db.Where(...).Find(&users)) sends. Both come from here.
//
// It works on go/types, not on reflection or source text: the types of
// imported packages come from export data with their struct tags, so the
// package running AutoMigrate sees the models of any other package, under
// go vet as in the standalone driver. The one thing types cannot give is
// the string a TableName method returns; the caller supplies it (the
// queries pass learns it from the method's body, or from a fact when the
// model lives in another package).
package ormmodel

import (
	"fmt"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Library names the ORM whose conventions a Model follows.
type Library string

const (
	Gorm Library = "gorm"
	Bun  Library = "bun"
)

// Model is a struct type as an ORM maps it to a table.
type Model struct {
	Library Library
	Type    *types.Named
	Schema  string // "" for the default schema
	Table   string
	// Alias is the name bun gives the table in the SELECTs it writes
	// ("FROM users AS u"), and which the fragments of a chain use.
	Alias   string
	Columns []Column // in the order the ORM creates them
	PK      []string
	Indexes []Index // declared by tags, unique constraints included
	// SoftDelete is the column of a soft-delete field (gorm.DeletedAt,
	// bun's soft_delete): queries add `column IS NULL`, deletes update it.
	SoftDelete string
	// Updated is the column xorm's `updated` tag marks, which every
	// Update sets.
	Updated string

	fields map[string]*field // by Go name, relations included
}

// Column is a column of a model's table.
type Column struct {
	Name          string
	GoName        string
	Type          string // SQL type, PostgreSQL spelling
	NotNull       bool
	AutoIncrement bool
	// ReadOnly is a column the ORM reads and never writes (xorm's `<-`:
	// left out of its INSERT and UPDATE); WriteOnly one it writes and
	// never reads back (xorm's `->`: left out of its SELECT list).
	ReadOnly, WriteOnly bool
}

// Index is an index or unique constraint a model's tags declare.
type Index struct {
	Name       string
	Columns    []string // column names, or expressions as written
	Unique     bool
	Constraint bool   // a UNIQUE constraint (gorm `unique`, bun `unique`) rather than an index
	Method     string // "" for the default (btree)
	Where      string // partial index predicate, as written
}

// field is one exported field of the struct, flattened through embedding.
type field struct {
	v        *types.Var
	goName   string
	column   string            // "" for a relation or an ignored field
	raw      string            // the ORM's struct tag as written
	settings map[string]string // gorm
	tag      tagOpts           // bun
	rel      bool              // a relation (struct or slice of structs, not a column)
}

// QualifiedTable is schema.table, or the table in the default schema.
func (m *Model) QualifiedTable() string {
	if m.Schema != "" {
		return m.Schema + "." + m.Table
	}
	return m.Table
}

// Column returns the column of a Go field name or column name, or nil.
func (m *Model) Column(name string) *Column {
	for i := range m.Columns {
		if m.Columns[i].GoName == name || m.Columns[i].Name == name {
			return &m.Columns[i]
		}
	}
	return nil
}

// ColumnNames lists the columns in order.
func (m *Model) ColumnNames() []string {
	out := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		out[i] = c.Name
	}
	return out
}

// name sets the table of m: the one its TableName method gives, else
// the ORM's name for its type.
func (m *Model) name(namer Namer, byType func(string) string) error {
	name, ok, err := namer(m.Type)
	switch {
	case err != nil:
		return err
	case ok:
		m.Table = name
		if s, tb, ok := strings.Cut(name, "."); ok {
			m.Schema, m.Table = s, tb
		}
	default:
		m.Table = byType(m.Type.Obj().Name())
	}
	return nil
}

// Namer returns the table name a model type's TableName method gives,
// and whether the type has such a method. An error means it has one
// whose result is not known (a computed name).
type Namer func(t *types.Named) (name string, ok bool, err error)

// StructOf returns the named struct type an ORM call's model argument
// stands for: T, *T, []T, []*T, *[]T (the destination of Find), or nil.
func StructOf(t types.Type) *types.Named {
	for i := 0; i < 4 && t != nil; i++ {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		case *types.Named:
			if _, ok := u.Underlying().(*types.Struct); ok {
				return u
			}
		}
		return nil
	}
	return nil
}

// TableNameMethod returns the TableName method of t or *t when it has
// gorm's Tabler signature, func() string.
func TableNameMethod(t *types.Named) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), "TableName")
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return nil
	}
	return fn
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// typeIs reports whether t (through pointers) is the named type pkg.name.
func typeIs(t types.Type, pkg, name string) bool {
	for {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			break
		}
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// hasMethod reports whether t or *t has a method of that name.
func hasMethod(t types.Type, name string) bool {
	if _, ok := t.(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// isValuer reports whether t stores itself as one column
// (driver.Valuer), which makes a struct type a column rather than a
// relation or an embedded struct.
func isValuer(t types.Type) bool { return hasMethod(t, "Value") }

// deref strips pointers.
func deref(t types.Type) types.Type {
	for {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			return t
		}
		t = p.Elem()
	}
}

// ---- gorm ----------------------------------------------------------

// gormTags parses a gorm struct tag as gorm's ParseTagSetting does:
// `;`-separated, keys upper-cased, a key without value mapping to itself.
func gormTags(tag string) map[string]string {
	out := map[string]string{}
	names := strings.Split(tag, ";")
	for i := 0; i < len(names); i++ {
		s := names[i]
		for strings.HasSuffix(s, `\`) && i+1 < len(names) {
			i++
			s = s[:len(s)-1] + ";" + names[i]
		}
		k, v, hasValue := strings.Cut(s, ":")
		k = strings.TrimSpace(strings.ToUpper(k))
		switch {
		case hasValue:
			out[k] = v
		case k != "":
			out[k] = k
		}
	}
	return out
}

// truthy is gorm's utils.CheckTruth over a tag value.
func truthy(vals ...string) bool {
	for _, v := range vals {
		if v != "" && strings.ToLower(v) != "false" {
			return true
		}
	}
	return false
}

// GormModel reads t as gorm does (schema.Parse): its table (TableName
// when it has one, else the naming strategy's), its columns with
// embedded structs flattened, its primary key (tagged, else the field
// named ID) and the indexes and unique constraints of its tags.
func GormModel(t *types.Named, namer Namer) (*Model, error) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, fmt.Errorf("%s is not a struct", t.Obj().Name())
	}
	m := &Model{Library: Gorm, Type: t, fields: map[string]*field{}}
	if err := m.name(namer, GormTable); err != nil {
		return nil, err
	}
	var fields []*field
	gormFields(st, m.Table, "", nil, &fields, 0)
	seen := map[string]bool{}
	var pk []string
	for _, f := range fields {
		if _, dup := m.fields[f.goName]; !dup {
			m.fields[f.goName] = f
		}
		if f.column == "" || seen[f.column] {
			continue // a relation, or a column an embedded struct already gave
		}
		seen[f.column] = true
		s := f.settings
		c := Column{Name: f.column, GoName: f.goName, Type: gormType(f), NotNull: truthy(s["NOT NULL"], s["NOTNULL"]), AutoIncrement: truthy(s["AUTOINCREMENT"])}
		if truthy(s["PRIMARYKEY"], s["PRIMARY_KEY"]) {
			pk = append(pk, c.Name)
		}
		if typeIs(f.v.Type(), "gorm.io/gorm", "DeletedAt") {
			m.SoftDelete = c.Name
		}
		m.Columns = append(m.Columns, c)
		if truthy(s["UNIQUE"]) {
			m.Indexes = append(m.Indexes, Index{Name: gormIndexName("uni", m.Table, GormName(c.Name)), Columns: []string{c.Name}, Unique: true, Constraint: true})
		}
	}
	if len(pk) == 0 {
		// gorm's prioritized primary field: the column id, or the field ID.
		for _, c := range m.Columns {
			if c.Name == "id" || c.GoName == "ID" {
				pk = []string{c.Name}
				break
			}
		}
	}
	m.PK = pk
	if len(pk) == 1 {
		if c := m.Column(pk[0]); c != nil && isIntegerType(c.Type) {
			// An integer primary key is serial unless autoIncrement:false.
			if v, ok := m.fields[c.GoName].settings["AUTOINCREMENT"]; !ok || truthy(v) {
				c.AutoIncrement = true
			}
		}
	}
	idx, err := gormIndexes(m, fields)
	if err != nil {
		return nil, err
	}
	m.Indexes = append(idx, m.Indexes...)
	return m, nil
}

// GormV1Model reads t as gorm v1 (github.com/jinzhu/gorm) does. Its
// names, column tags, primary key and indexes are v2's, but soft delete
// is any field named DeletedAt (v1's gorm.Model has a *time.Time one),
// and unique_index declares a unique index (uix_<table>_<column>).
// v1's `sql:"..."` tags are not read.
func GormV1Model(t *types.Named, namer Namer) (*Model, error) {
	m, err := GormModel(t, namer)
	if err != nil {
		return nil, err
	}
	if f := m.fields["DeletedAt"]; f != nil && f.column != "" {
		m.SoftDelete = f.column
	}
	// unique_index:name on several fields is one index over them all, in
	// field order, as v1 builds it.
	unique := map[string]int{} // name → position in m.Indexes
	for _, c := range m.Columns {
		f := m.fields[c.GoName]
		if f == nil {
			continue
		}
		for _, value := range strings.Split(f.raw, ";") {
			k, name, _ := strings.Cut(value, ":")
			if strings.TrimSpace(strings.ToUpper(k)) != "UNIQUE_INDEX" {
				continue
			}
			name = strings.TrimSpace(name)
			if name == "" || strings.EqualFold(name, "UNIQUE_INDEX") {
				name = "uix_" + m.Table + "_" + c.Name
			}
			col := sqlparse.QuoteIdent(c.Name)
			if i, seen := unique[name]; seen {
				m.Indexes[i].Columns = append(m.Indexes[i].Columns, col)
				continue
			}
			unique[name] = len(m.Indexes)
			m.Indexes = append(m.Indexes, Index{Name: name, Columns: []string{col}, Unique: true})
		}
	}
	return m, nil
}

// HasField reports whether t has a field of that Go name, a column or
// a relation.
func (m *Model) HasField(name string) bool { return m.fields[name] != nil }

// gormFields appends the fields of st, flattening embedded structs as
// gorm does: an anonymous struct field (not time, not a Valuer) or one
// tagged embedded gives its fields, with embeddedPrefix before their
// column names and the embedding field's settings over theirs.
func gormFields(st *types.Struct, table, prefix string, over map[string]string, out *[]*field, depth int) {
	if depth > 4 {
		return // a cycle through pointers: gorm would not get far either
	}
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		if !v.Exported() {
			continue
		}
		raw := reflect.StructTag(st.Tag(i)).Get("gorm")
		s := gormTags(raw)
		for k, val := range over {
			s[k] = val
		}
		if perm := strings.ToLower(strings.TrimSpace(s["-"])); perm == "-" || perm == "all" {
			continue // not a column
		}
		ft := deref(v.Type())
		data := gormDataType(ft, s)
		_, tagged := s["EMBEDDED"]
		if inner, ok := ft.Underlying().(*types.Struct); ok && (tagged || v.Anonymous() && !isValuer(ft) && !typeIs(ft, "time", "Time")) {
			sub := map[string]string{}
			for k, val := range s {
				if k != "EMBEDDED" && k != "EMBEDDEDPREFIX" && k != "PRIMARYKEY" && k != "PRIMARY_KEY" {
					sub[k] = val
				}
			}
			gormFields(inner, table, prefix+s["EMBEDDEDPREFIX"], sub, out, depth+1)
			continue
		}
		f := &field{v: v, goName: v.Name(), raw: raw, settings: s}
		if data == "" {
			f.rel = true
		} else {
			f.column = s["COLUMN"]
			if f.column == "" {
				f.column = GormName(v.Name())
			}
			f.column = prefix + f.column
		}
		*out = append(*out, f)
	}
}

// gormDataType is gorm's Field.DataType: what makes a field a column.
func gormDataType(t types.Type, s map[string]string) string {
	if typ, ok := s["TYPE"]; ok {
		return typ
	}
	if s["SERIALIZER"] != "" || s["JSON"] != "" {
		return "string"
	}
	if hasMethod(t, "GormDataType") {
		return "custom"
	}
	if typeIs(t, "time", "Time") {
		return "time"
	}
	if isValuer(t) {
		if n, ok := types.Unalias(t).(*types.Named); ok {
			if st, ok := n.Underlying().(*types.Struct); ok && st.NumFields() > 0 {
				// sql.NullString: its first field's type (gorm unwraps it).
				if d := gormDataType(deref(st.Field(0).Type()), map[string]string{}); d != "" {
					return d
				}
			}
		}
		return "valuer"
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "bool"
		case u.Info()&types.IsUnsigned != 0:
			return "uint"
		case u.Info()&types.IsInteger != 0:
			return "int"
		case u.Info()&types.IsFloat != 0:
			return "float"
		case u.Info()&types.IsString != 0:
			return "string"
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return "bytes"
		}
	case *types.Array:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return "bytes"
		}
	}
	return ""
}

// gormType is the PostgreSQL type gorm's postgres dialector gives a
// column (Dialector.DataTypeOf).
func gormType(f *field) string {
	s := f.settings
	if typ, ok := s["TYPE"]; ok {
		return strings.ToLower(typ)
	}
	t := deref(f.v.Type())
	size, _ := strconv.Atoi(s["SIZE"])
	switch gormDataType(t, s) {
	case "bool":
		return "boolean"
	case "int", "uint":
		bits := 64
		if b, ok := t.Underlying().(*types.Basic); ok {
			switch b.Kind() {
			case types.Int8, types.Uint8, types.Int16, types.Uint16:
				bits = 16
			case types.Int32, types.Uint32:
				bits = 32
			}
		}
		switch {
		case size > 0 && size <= 16, bits == 16:
			return "smallint"
		case size > 0 && size <= 32, bits == 32:
			return "integer"
		}
		return "bigint"
	case "float":
		return "numeric"
	case "string":
		if size > 0 {
			return fmt.Sprintf("varchar(%d)", size)
		}
		return "text"
	case "time":
		return "timestamptz"
	case "bytes":
		return "bytea"
	}
	return "text"
}

func isIntegerType(t string) bool {
	return t == "bigint" || t == "integer" || t == "smallint"
}

// gormIndexes reads the index and uniqueIndex tags as gorm's
// ParseIndexes does: an index named by its tag, or idx_<table>_<field>
// (uidx for none: gorm names unique ones idx_ too); fields of one name
// form one composite index, ordered by priority (default 10).
func gormIndexes(m *Model, fields []*field) ([]Index, error) {
	type part struct {
		col      string
		priority int
		order    int
	}
	type idx struct {
		Index
		parts []part
	}
	var (
		order  []string
		byName = map[string]*idx{}
		n      int
	)
	for _, f := range fields {
		if f.column == "" {
			continue
		}
		// The field's own tag, not the settings an embedding field put
		// over it: gorm reads indexes from the tag as written.
		for _, value := range strings.Split(f.raw, ";") {
			k, rest, _ := strings.Cut(value, ":")
			k = strings.TrimSpace(strings.ToUpper(k))
			if k != "INDEX" && k != "UNIQUEINDEX" {
				continue
			}
			name, settingText, _ := strings.Cut(rest, ",")
			settings := map[string]string{}
			for _, kv := range strings.Split(settingText, ",") {
				sk, sv, has := strings.Cut(kv, ":")
				sk = strings.TrimSpace(strings.ToUpper(sk))
				if sk == "" {
					continue
				}
				if !has {
					sv = sk
				}
				settings[sk] = sv
			}
			if name == "" {
				sub := f.goName
				if c := settings["COMPOSITE"]; c != "" && c != "COMPOSITE" {
					sub = c
				}
				name = gormIndexName("idx", m.Table, GormName(sub))
			}
			priority, err := strconv.Atoi(settings["PRIORITY"])
			if err != nil {
				priority = 10
			}
			ix := byName[name]
			if ix == nil {
				ix = &idx{Index: Index{Name: name}}
				byName[name] = ix
				order = append(order, name)
			}
			if k == "UNIQUEINDEX" || settings["UNIQUE"] != "" || strings.EqualFold(settings["CLASS"], "UNIQUE") {
				ix.Unique = true
			}
			if ix.Method == "" {
				ix.Method = strings.ToLower(settings["TYPE"])
			}
			if ix.Where == "" {
				ix.Where = settings["WHERE"]
			}
			col := sqlparse.QuoteIdent(f.column)
			if e := settings["EXPRESSION"]; e != "" {
				col = e
			}
			if s := settings["SORT"]; s != "" {
				col += " " + strings.ToUpper(s)
			}
			ix.parts = append(ix.parts, part{col, priority, n})
			n++
		}
	}
	out := make([]Index, 0, len(order))
	for _, name := range order {
		ix := byName[name]
		parts := ix.parts
		// A stable sort by priority, as gorm's sort.Slice leaves equal
		// priorities in field order for the few fields an index has.
		for i := 1; i < len(parts); i++ {
			for j := i; j > 0 && parts[j].priority < parts[j-1].priority; j-- {
				parts[j], parts[j-1] = parts[j-1], parts[j]
			}
		}
		for _, p := range parts {
			ix.Columns = append(ix.Columns, p.col)
		}
		out = append(out, ix.Index)
	}
	return out, nil
}

// ---- bun -----------------------------------------------------------

// tagOpts is a bun struct tag: a name, then options, some with values
// ("rel:has-many", "join:id=user_id", "unique:group"); values may be
// quoted with single quotes to hold commas.
type tagOpts struct {
	name string
	opts map[string][]string
}

func (t tagOpts) has(k string) bool { _, ok := t.opts[k]; return ok }

func (t tagOpts) opt(k string) (string, bool) {
	vs, ok := t.opts[k]
	if !ok {
		return "", false
	}
	return vs[len(vs)-1], true
}

func bunTag(s string) tagOpts {
	t := tagOpts{opts: map[string][]string{}}
	first := true
	for s != "" {
		var item string
		quoted := false
		i := 0
		for ; i < len(s); i++ {
			if s[i] == '\'' {
				quoted = !quoted
			}
			if s[i] == ',' && !quoted {
				break
			}
		}
		item, s = s[:i], s[min(i+1, len(s)):]
		k, v, hasValue := strings.Cut(item, ":")
		v = strings.Trim(v, "'")
		switch {
		case first && !hasValue:
			t.name = k
		case k != "":
			t.opts[k] = append(t.opts[k], v)
		}
		first = false
	}
	return t
}

// BunModel reads t as bun does (schema.Table): the table and alias of
// its bun.BaseModel tag ("users,alias:u" or "table:users"), else the
// pluralized snake_case of its name; its columns, with anonymous and
// `embed` structs flattened; pk and unique options. Relations (rel:,
// m2m:) are not columns.
func BunModel(t *types.Named) (*Model, error) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, fmt.Errorf("%s is not a struct", t.Obj().Name())
	}
	m := &Model{Library: Bun, Type: t, fields: map[string]*field{}}
	m.Alias = BunName(t.Obj().Name())
	m.Table = BunTable(t.Obj().Name())
	uniques := map[string][]string{}
	var uniqueOrder []string
	bunFields(m, st, "", uniques, &uniqueOrder, 0)
	for _, g := range uniqueOrder {
		cols := uniques[g]
		name := ""
		if g != "" && !strings.HasPrefix(g, "\x00") {
			name = g
		}
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = sqlparse.QuoteIdent(c)
		}
		m.Indexes = append(m.Indexes, Index{Name: name, Columns: quoted, Unique: true, Constraint: true})
	}
	return m, nil
}

func bunFields(m *Model, st *types.Struct, prefix string, uniques map[string][]string, order *[]string, depth int) {
	if depth > 4 {
		return
	}
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		raw := reflect.StructTag(st.Tag(i)).Get("bun")
		tag := bunTag(raw)
		if typeIs(v.Type(), "github.com/uptrace/bun", "BaseModel") || typeIs(v.Type(), "github.com/uptrace/bun/schema", "BaseModel") {
			bunTable(m, tag)
			continue
		}
		if raw == "-" || !v.Exported() && !v.Anonymous() {
			continue
		}
		ft := deref(v.Type())
		if inner, ok := ft.Underlying().(*types.Struct); ok && !isValuer(ft) && !typeIs(ft, "time", "Time") {
			embed, isEmbed := tag.opt("embed")
			if v.Anonymous() || isEmbed {
				bunFields(m, inner, prefix+embed, uniques, order, depth+1)
				continue
			}
		}
		f := &field{v: v, goName: v.Name(), raw: raw, tag: tag}
		if _, dup := m.fields[f.goName]; !dup {
			m.fields[f.goName] = f
		}
		if tag.has("rel") || tag.has("m2m") {
			f.rel = true
			continue
		}
		if !v.Exported() {
			continue
		}
		f.column = BunName(v.Name())
		if tag.name != "" {
			f.column = tag.name
		}
		if c, ok := tag.opt("column"); ok {
			f.column = c
		}
		f.column = prefix + f.column
		if m.Column(f.column) != nil {
			continue
		}
		c := Column{Name: f.column, GoName: v.Name(), Type: bunType(ft, tag), NotNull: tag.has("notnull") || tag.has("pk"), AutoIncrement: tag.has("autoincrement")}
		if tag.has("pk") {
			m.PK = append(m.PK, c.Name)
		}
		if tag.has("soft_delete") {
			m.SoftDelete = c.Name
		}
		m.Columns = append(m.Columns, c)
		for _, g := range tag.opts["unique"] {
			key := g
			if key == "" {
				key = "\x00" + c.Name // a unique constraint of its own
			}
			if _, ok := uniques[key]; !ok {
				*order = append(*order, key)
			}
			uniques[key] = append(uniques[key], c.Name)
		}
	}
}

// bunTable applies the tag of a bun.BaseModel field.
func bunTable(m *Model, tag tagOpts) {
	set := func(name string) {
		m.Table = name
		if s, t, ok := strings.Cut(name, "."); ok {
			m.Schema, m.Table = s, t
		}
	}
	if tag.name != "" {
		set(tag.name)
	}
	if t, ok := tag.opt("table"); ok {
		set(t)
	}
	if a, ok := tag.opt("alias"); ok {
		m.Alias = a
	}
}

// bunType is the PostgreSQL type bun's pgdialect gives a column.
func bunType(t types.Type, tag tagOpts) string {
	if typ, ok := tag.opt("type"); ok {
		return strings.ToLower(typ)
	}
	switch {
	case typeIs(t, "time", "Time"):
		return "timestamptz"
	case isValuer(t):
		return "varchar"
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "boolean"
		case u.Kind() == types.Int32 || u.Kind() == types.Uint32:
			return "integer"
		case u.Kind() == types.Int16 || u.Kind() == types.Uint16 || u.Kind() == types.Int8 || u.Kind() == types.Uint8:
			return "smallint"
		case u.Info()&types.IsInteger != 0:
			if tag.has("autoincrement") {
				return "bigserial"
			}
			return "bigint"
		case u.Kind() == types.Float32:
			return "real"
		case u.Info()&types.IsFloat != 0:
			return "double precision"
		case u.Info()&types.IsString != 0:
			return "varchar"
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return "bytea"
		}
	}
	return "jsonb"
}

// ---- relations -----------------------------------------------------

// Relation is how a model's field refers to rows of another table, as an
// ORM loads it (gorm Preload, bun Relation).
type Relation struct {
	Field  string
	Target *types.Named
	// Many: has-many or many-to-many (a query of its own in both ORMs);
	// otherwise has-one or belongs-to.
	Many bool
	// BaseColumns and TargetColumns are the columns that match: the
	// target rows have TargetColumns equal to the base's BaseColumns.
	BaseColumns, TargetColumns []string
	// JoinTable, for many-to-many: rows of it match the base by
	// JoinBase, and the target by JoinTarget.
	JoinTable            string
	JoinBase, JoinTarget []string
}

// Relation describes the relation field name of m, given the model of
// its target type (model returns it); an error says why it cannot be
// followed (polymorphic, unknown field).
func (m *Model) Relation(name string, model func(*types.Named) (*Model, error)) (*Relation, *Model, error) {
	f := m.fields[name]
	if f == nil || !f.rel {
		return nil, nil, fmt.Errorf("%s has no relation %s", m.Type.Obj().Name(), name)
	}
	target := StructOf(f.v.Type())
	if target == nil {
		return nil, nil, fmt.Errorf("relation %s is not a struct type", name)
	}
	tm, err := model(target)
	if err != nil {
		return nil, nil, err
	}
	_, many := deref(f.v.Type()).Underlying().(*types.Slice)
	r := &Relation{Field: name, Target: target, Many: many}
	if m.Library == Bun {
		return r, tm, m.bunRelation(f, tm, r)
	}
	return r, tm, m.gormRelation(f, tm, r)
}

func (m *Model) gormRelation(f *field, tm *Model, r *Relation) error {
	s := f.settings
	if s["POLYMORPHIC"] != "" || s["POLYMORPHICTYPE"] != "" {
		return fmt.Errorf("polymorphic relation %s", f.goName)
	}
	pkOf := func(x *Model) (string, error) {
		if len(x.PK) != 1 {
			return "", fmt.Errorf("%s has no single primary key", x.Type.Obj().Name())
		}
		return x.PK[0], nil
	}
	colOf := func(x *Model, goName string) (string, error) {
		if c := x.Column(goName); c != nil {
			return c.Name, nil
		}
		return "", fmt.Errorf("%s has no field %s", x.Type.Obj().Name(), goName)
	}
	if jt := s["MANY2MANY"]; jt != "" {
		r.Many = true
		r.JoinTable = jt
		bpk, err := pkOf(m)
		if err != nil {
			return err
		}
		tpk, err := pkOf(tm)
		if err != nil {
			return err
		}
		r.BaseColumns, r.TargetColumns = []string{bpk}, []string{tpk}
		r.JoinBase = []string{GormName(m.Type.Obj().Name()) + "_" + bpk}
		r.JoinTarget = []string{GormName(tm.Type.Obj().Name()) + "_" + tpk}
		return nil
	}
	fk, ref := s["FOREIGNKEY"], s["REFERENCES"]
	// belongs-to: the base holds the key (Company + CompanyID).
	if !r.Many {
		key := fk
		if key == "" {
			key = f.goName + "ID"
		}
		if c := m.Column(key); c != nil && (fk != "" || tm.Column(m.Type.Obj().Name()+"ID") == nil) {
			target := ref
			var err error
			if target == "" {
				target, err = pkOf(tm)
			} else {
				target, err = colOf(tm, target)
			}
			if err != nil {
				return err
			}
			r.BaseColumns, r.TargetColumns = []string{c.Name}, []string{target}
			return nil
		}
	}
	// has-one, has-many: the target holds the key (UserID in Order).
	base := ref
	var err error
	if base == "" {
		base, err = pkOf(m)
	} else {
		base, err = colOf(m, base)
	}
	if err != nil {
		return err
	}
	key := fk
	if key == "" {
		bc := m.Column(base)
		key = m.Type.Obj().Name() + bc.GoName
	}
	tcol, err := colOf(tm, key)
	if err != nil {
		return err
	}
	r.BaseColumns, r.TargetColumns = []string{base}, []string{tcol}
	return nil
}

func (m *Model) bunRelation(f *field, tm *Model, r *Relation) error {
	tag := f.tag
	var pairs [][2]string
	for _, j := range tag.opts["join"] {
		for _, p := range strings.Split(j, ",") {
			b, t, ok := strings.Cut(p, "=")
			if !ok {
				return fmt.Errorf("relation %s: join %q", f.goName, j)
			}
			pairs = append(pairs, [2]string{strings.TrimSpace(b), strings.TrimSpace(t)})
		}
	}
	if jt, ok := tag.opt("m2m"); ok {
		r.Many, r.JoinTable = true, jt
		if len(m.PK) != 1 || len(tm.PK) != 1 {
			return fmt.Errorf("relation %s: m2m without single primary keys", f.goName)
		}
		r.BaseColumns, r.TargetColumns = m.PK, tm.PK
		r.JoinBase = []string{BunName(m.Type.Obj().Name()) + "_" + m.PK[0]}
		r.JoinTarget = []string{BunName(tm.Type.Obj().Name()) + "_" + tm.PK[0]}
		return nil
	}
	rel, _ := tag.opt("rel")
	if len(pairs) == 0 {
		// bun's defaults: belongs-to joins <field>_<pk> to the target's
		// pk; has-one and has-many join the base's pk to <model>_<pk>.
		switch rel {
		case "belongs-to":
			for _, pk := range tm.PK {
				pairs = append(pairs, [2]string{BunName(f.goName) + "_" + pk, pk})
			}
		case "has-one", "has-many":
			for _, pk := range m.PK {
				pairs = append(pairs, [2]string{pk, BunName(m.Type.Obj().Name()) + "_" + pk})
			}
		default:
			return fmt.Errorf("relation %s: rel:%s", f.goName, rel)
		}
	}
	for _, p := range pairs {
		r.BaseColumns = append(r.BaseColumns, p[0])
		r.TargetColumns = append(r.TargetColumns, p[1])
	}
	r.Many = rel == "has-many"
	return nil
}
