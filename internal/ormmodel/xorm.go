package ormmodel

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"
)

// Xorm names the conventions of xorm.io/xorm.
const Xorm Library = "xorm"

// XormModel reads t as xorm's tag parser does (tags/parser.go): its table
// (TableName when it has one, else the SnakeMapper's name: "UserRole" is
// "user_role", not pluralized), its columns in field order with
// `extends` and anonymous structs flattened, the primary key (`pk`, else
// an integer field named Id), and the indexes of `index`, `index(name)`,
// `unique` and `unique(name)`, named IDX_<table>_<name> and
// UQE_<table>_<name> as xorm creates them.
//
// A column's name is the tag's ('name' or a bare word that is no
// keyword nor SQL type), else the SnakeMapper's ("UserID" is
// "user_i_d"): an engine given another column mapper (GonicMapper) at
// run time names untagged fields differently, which types cannot tell.
func XormModel(t *types.Named, namer Namer) (*Model, error) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, fmt.Errorf("%s is not a struct", t.Obj().Name())
	}
	m := &Model{Library: Xorm, Type: t, fields: map[string]*field{}}
	if err := m.name(namer, XormName); err != nil {
		return nil, err
	}
	type named struct {
		cols   []string
		unique bool
	}
	var order []string
	indexes := map[string]*named{}
	var idField string
	var fields []xormField
	xormFields(st, &fields, 0)
	for _, f := range fields {
		m.fields[f.goName] = &field{v: f.v, goName: f.goName, column: f.column, raw: f.raw}
		c := Column{Name: f.column, GoName: f.goName, Type: f.typ, NotNull: f.notNull, AutoIncrement: f.autoIncr,
			ReadOnly: f.readOnly, WriteOnly: f.writeOnly}
		if f.pk {
			m.PK = append(m.PK, c.Name)
		}
		if f.deleted {
			m.SoftDelete = c.Name
		}
		if f.updated {
			m.Updated = c.Name
		}
		m.Columns = append(m.Columns, c)
		if strings.EqualFold(f.goName, "id") && isIntegerType(f.typ) {
			idField = c.Name
		}
		for _, ix := range f.indexes {
			key := ix.name
			if ix.unique {
				key = "\x00" + key // xorm keeps unique and plain indexes apart
			}
			n := indexes[key]
			if n == nil {
				n = &named{unique: ix.unique}
				indexes[key] = n
				order = append(order, key)
			}
			n.cols = append(n.cols, c.Name)
		}
	}
	if len(m.PK) == 0 && idField != "" {
		// An integer field named Id is the serial key of a table that
		// tags none.
		m.PK = []string{idField}
		m.Column(idField).AutoIncrement = true
	}
	for _, key := range order {
		n := indexes[key]
		prefix := "IDX_"
		if n.unique {
			prefix = "UQE_"
		}
		m.Indexes = append(m.Indexes, Index{Name: prefix + m.Table + "_" + strings.TrimPrefix(key, "\x00"),
			Columns: quoteCols(n.cols), Unique: n.unique})
	}
	return m, nil
}

func quoteCols(cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = quoteList([]string{c})
	}
	return out
}

// XormName is the name xorm's default SnakeMapper gives a Go name: an
// underscore before every capital but the first ("UserID" is
// "user_i_d").
func XormName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// xormField is a column as xorm's tag parser reads its field.
type xormField struct {
	v                              *types.Var
	goName, column, raw, typ       string
	pk, autoIncr, notNull, deleted bool
	created, updated, skip         bool
	readOnly, writeOnly            bool
	indexes                        []xormIndex
}

type xormIndex struct {
	name   string
	unique bool
}

// xormFields appends the columns of st: exported fields not tagged "-",
// with the fields of an `extends` or anonymous struct in their place.
func xormFields(st *types.Struct, out *[]xormField, depth int) {
	if depth > 4 {
		return
	}
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		if !v.Exported() {
			continue
		}
		raw := reflect.StructTag(st.Tag(i)).Get("xorm")
		words := xormSplit(raw)
		ft := deref(v.Type())
		extends := false
		for _, w := range words {
			if strings.EqualFold(w, "extends") {
				extends = true
			}
		}
		if inner, ok := ft.Underlying().(*types.Struct); ok && (extends || v.Anonymous() && raw == "" && !isValuer(ft) && !typeIs(ft, "time", "Time")) {
			xormFields(inner, out, depth+1)
			continue
		}
		f := xormField{v: v, goName: v.Name(), raw: raw}
		for j := 0; j < len(words); j++ {
			w := words[j]
			key, params, _ := strings.Cut(w, "(")
			params = strings.TrimSuffix(params, ")")
			switch up := strings.ToUpper(key); {
			case w == "-":
				f.skip = true
			case w == "<-":
				f.readOnly = true // read from the database, never written
			case w == "->":
				f.writeOnly = true // written, never read back
			case up == "PK":
				f.pk, f.notNull = true, true
			case up == "AUTOINCR":
				f.autoIncr = true
			case up == "NOTNULL":
				f.notNull = true
			case up == "NOT":
				if j+1 < len(words) && strings.EqualFold(words[j+1], "null") {
					f.notNull = true
					j++
				}
			case up == "NULL":
			case up == "DEFAULT":
				if params == "" {
					j++ // its value, the next word (default 0, not default(0))
				}
			case up == "CREATED":
				f.created = true
			case up == "UPDATED":
				f.updated = true
			case up == "DELETED":
				f.deleted = true
			case up == "INDEX", up == "UNIQUE":
				f.indexes = append(f.indexes, xormIndex{name: strings.Trim(params, "'"), unique: up == "UNIQUE"})
			case xormKeywords[up]:
			case xormTypes[up] != "":
				f.typ = xormType(up, params)
			case strings.HasPrefix(w, "'") && strings.HasSuffix(w, "'") && len(w) > 1:
				f.column = w[1 : len(w)-1]
			default:
				f.column = w
			}
		}
		if f.skip {
			continue
		}
		if f.typ == "" {
			f.typ = xormGoType(ft)
			if f.typ == "" {
				continue // a struct xorm does not store as a column
			}
		}
		if f.column == "" {
			f.column = XormName(v.Name())
		}
		for k := range f.indexes {
			if f.indexes[k].name == "" {
				f.indexes[k].name = f.column
			}
		}
		*out = append(*out, f)
	}
}

// xormSplit splits a tag at spaces outside quotes and parentheses.
func xormSplit(tag string) []string {
	var out []string
	var cur strings.Builder
	depth, quoted := 0, false
	for _, r := range tag {
		switch {
		case r == '\'':
			quoted = !quoted
		case r == '(' && !quoted:
			depth++
		case r == ')' && !quoted && depth > 0:
			depth--
		case (r == ' ' || r == '\t') && !quoted && depth == 0:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// xormKeywords are tag words that name no column and no type.
var xormKeywords = map[string]bool{"EXTENDS": true, "VERSION": true, "UTC": true, "LOCAL": true, "CACHE": true,
	"NOCACHE": true, "COMMENT": true, "UNSIGNED": true, "COLLATE": true, "JSON": true, "CONV": true, "<-": true, "->": true}

// xormTypes maps xorm's SQL type names to PostgreSQL's.
var xormTypes = map[string]string{
	"BIT": "boolean", "BOOL": "boolean", "BOOLEAN": "boolean",
	"TINYINT": "smallint", "SMALLINT": "smallint", "MEDIUMINT": "integer", "INT": "integer", "INTEGER": "integer",
	"BIGINT": "bigint", "UNSIGNEDINT": "bigint", "UNSIGNEDBIGINT": "bigint", "SERIAL": "integer", "BIGSERIAL": "bigint",
	"CHAR": "char", "VARCHAR": "varchar", "NCHAR": "char", "NVARCHAR": "varchar", "UUID": "uuid",
	"TINYTEXT": "text", "TEXT": "text", "NTEXT": "text", "MEDIUMTEXT": "text", "LONGTEXT": "text", "CLOB": "text",
	"ENUM": "text", "SET": "text",
	"DATE": "date", "DATETIME": "timestamp", "TIME": "time", "TIMESTAMP": "timestamp", "TIMESTAMPZ": "timestamptz",
	"DECIMAL": "numeric", "NUMERIC": "numeric", "MONEY": "numeric", "REAL": "real", "FLOAT": "real", "DOUBLE": "double precision",
	"BINARY": "bytea", "VARBINARY": "bytea", "TINYBLOB": "bytea", "BLOB": "bytea", "MEDIUMBLOB": "bytea", "LONGBLOB": "bytea", "BYTEA": "bytea",
	"JSONB": "jsonb",
}

// xormType is the PostgreSQL spelling of a tag's type and its
// parameters.
func xormType(name, params string) string {
	t := xormTypes[name]
	switch t {
	case "varchar", "char", "numeric":
		if params != "" {
			return t + "(" + params + ")"
		}
		if t == "varchar" {
			return "varchar(255)"
		}
	}
	return t
}

// xormGoType is the type xorm gives a field's Go type, "" for a struct
// it does not store.
func xormGoType(t types.Type) string {
	if typeIs(t, "time", "Time") {
		return "timestamp"
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "boolean"
		case u.Info()&types.IsInteger != 0:
			switch u.Kind() {
			case types.Int64, types.Uint64, types.Uint, types.Int:
				return "bigint"
			case types.Int8, types.Uint8, types.Int16, types.Uint16:
				return "smallint"
			}
			return "integer"
		case u.Info()&types.IsFloat != 0:
			return "double precision"
		case u.Info()&types.IsString != 0:
			return "varchar(255)"
		}
	case *types.Slice, *types.Array, *types.Map:
		if b, ok := typeElem(u).(*types.Basic); ok && b.Kind() == types.Byte {
			return "bytea"
		}
		return "text" // stored as JSON text
	case *types.Struct:
		if isValuer(t) {
			return "text"
		}
		return "text" // xorm stores other structs as JSON text
	}
	if isValuer(t) {
		return "text"
	}
	return ""
}

func typeElem(t types.Type) types.Type {
	switch u := t.(type) {
	case *types.Slice:
		return u.Elem().Underlying()
	case *types.Array:
		return u.Elem().Underlying()
	}
	return nil
}
