package ormmodel

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"
)

// Pop is the Library of models read as pop (gobuffalo/pop, ory/pop) maps them.
const Pop Library = "pop"

// popTags are the struct tags pop reads (columns.TagsFor): a field with
// none of them is the column of its Go name; with some, only its db tag
// names a column ("-" none).
var popTags = []string{"db", "rw", "select", "belongs_to", "has_many", "has_one", "fk_id", "primary_id", "order_by", "many_to_many"}

// PopTableNameMethod returns the TableName method of t or *t when it
// has one of pop's signatures, func() string or func(context.Context)
// string (TableNameAbleWithContext).
func PopTableNameMethod(t *types.Named) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), "TableName")
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	if sig := fn.Type().(*types.Signature); !IsTableNameSig(sig) {
		return nil
	}
	return fn
}

// IsTableNameSig reports whether sig is a TableName method pop calls:
// one string result, and no parameter or a context.Context.
func IsTableNameSig(sig *types.Signature) bool {
	if sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return false
	}
	switch sig.Params().Len() {
	case 0:
		return true
	case 1:
		return typeIs(sig.Params().At(0).Type(), "context", "Context")
	}
	return false
}

// PopTable is pop's table for a model type with no TableName method
// (flect's Tableize): its snake_case name, pluralized.
func PopTable(typeName string) string { return GormTable(typeName) }

// PopModel returns the model of struct type t as pop maps it: the table
// its TableName method names (namer) or PopTable's, the columns of its
// fields (embedded structs' fields included), the key column of its ID
// field ("id" unless tagged otherwise).
func PopModel(t *types.Named, namer Namer) (*Model, error) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, fmt.Errorf("%s is not a struct", t.Obj().Name())
	}
	m := &Model{Library: Pop, Type: t, fields: map[string]*field{}}
	if err := m.name(namer, PopTable); err != nil {
		return nil, err
	}
	m.Alias = strings.ReplaceAll(m.QualifiedTable(), ".", "_") // pop's Model.Alias
	seen := map[string]bool{}
	popFields(m, st, seen, 0)
	m.PK = []string{"id"}
	if f := m.fields["ID"]; f != nil && f.column != "" {
		if db, ok := reflect.StructTag(f.raw).Lookup("db"); ok && db != "" {
			m.PK = []string{f.column}
		}
	}
	return m, nil
}

// popFields adds the columns of st's fields, as columns.ForStruct
// reads them.
func popFields(m *Model, st *types.Struct, seen map[string]bool, depth int) {
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		if v.Anonymous() && depth < 4 {
			if et, ok := deref(v.Type()).Underlying().(*types.Struct); ok {
				popFields(m, et, seen, depth+1)
			}
			continue
		}
		col, tagged := "", false
		for _, k := range popTags {
			if val, ok := tag.Lookup(k); ok && val != "" {
				tagged = true
				if k == "db" {
					col = val
				}
			}
		}
		if !tagged {
			col = v.Name()
		}
		col, _, _ = strings.Cut(col, ",")
		f := &field{v: v, goName: v.Name(), raw: string(tag)}
		_, hasMany := tag.Lookup("has_many")
		_, hasOne := tag.Lookup("has_one")
		_, belongs := tag.Lookup("belongs_to")
		_, m2m := tag.Lookup("many_to_many")
		f.rel = hasMany || hasOne || belongs || m2m
		if col != "-" && col != "" && !f.rel {
			f.column = col
		}
		if _, dup := m.fields[f.goName]; !dup {
			m.fields[f.goName] = f
		}
		if f.column == "" || seen[col] || !v.Exported() {
			continue
		}
		seen[col] = true
		m.Columns = append(m.Columns, Column{Name: col, GoName: v.Name()})
	}
}
