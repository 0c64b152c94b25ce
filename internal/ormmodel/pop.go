package ormmodel

import (
	"cmp"
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

// PopAssociation is a field of a model that pop's Eager loads with a
// query of its own (associations.ForStruct): one tagged has_many,
// has_one, belongs_to or many_to_many. Fields of a model's type without
// one of these tags are no association to pop.
type PopAssociation struct {
	Field  string
	Kind   string // "has_many", "has_one", "belongs_to", "many_to_many"
	Target *types.Named
	// Match is the condition pop writes for one owner row, with one ?
	// for the owner's value (its Constraint): "identity_id = ?", "id =
	// ?", "id in (select ... where identity_id = ?)".
	Match   string
	OrderBy string // the order_by tag
}

// PopAssociations are the associations of m that Eager(fields...) loads:
// the named ones (the first part of "A.B"), or all when none is named.
func PopAssociations(m *Model, fields []string) ([]PopAssociation, error) {
	st, ok := m.Type.Underlying().(*types.Struct)
	if !ok {
		return nil, fmt.Errorf("%s is not a struct", m.Type.Obj().Name())
	}
	want := map[string]bool{}
	for _, f := range fields {
		name, _, _ := strings.Cut(strings.TrimSpace(f), ".")
		want[name] = true
	}
	owner := GormName(m.Type.Obj().Name()) // flect.Underscore
	var out []PopAssociation
	var walk func(st *types.Struct, depth int)
	walk = func(st *types.Struct, depth int) {
		for i := 0; i < st.NumFields(); i++ {
			v := st.Field(i)
			if v.Anonymous() && depth < 4 {
				if et, ok := deref(v.Type()).Underlying().(*types.Struct); ok {
					walk(et, depth+1)
				}
				continue
			}
			if len(want) > 0 && !want[v.Name()] {
				continue
			}
			tag := reflect.StructTag(st.Tag(i))
			for _, kind := range []string{"has_many", "has_one", "belongs_to", "many_to_many"} {
				val, ok := tag.Lookup(kind)
				if !ok || val == "" {
					continue
				}
				a := PopAssociation{Field: v.Name(), Kind: kind, Target: StructOf(v.Type()), OrderBy: tag.Get("order_by")}
				fk := tag.Get("fk_id")
				switch kind {
				case "has_many", "has_one":
					a.Match = cmp.Or(fk, owner+"_id") + " = ?"
				case "belongs_to":
					a.Match = "id = ?"
				case "many_to_many":
					target := ""
					if a.Target != nil {
						target = GormName(a.Target.Obj().Name())
					}
					a.Match = fmt.Sprintf("id in (select %s from %s where %s = ?)",
						cmp.Or(fk, target+"_id"), val, cmp.Or(tag.Get("primary_id"), owner+"_id"))
				}
				out = append(out, a)
				break
			}
		}
	}
	walk(st, 0)
	return out, nil
}
