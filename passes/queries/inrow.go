package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/passes/config"
)

// Lists one row holds.
//
// A table's rows grow with use; a list a row keeps in one of its columns
// — a JSON document, a Postgres array, a field the ORM serializes — is as
// long as one record is let to be, and a schema keeps a list inside its
// row, instead of in a table of its own, because the list stays short: a
// work order's active states, an alert rule's conditions, a user's roles.
// A query per item of such a list runs a few times per row, not once per
// row of anything; a loop over the rows holding the lists is where an
// N+1 multiplies (and it is still reported there). So a range over a list
// in a row is LoopInRow, not data:
//
//	json.Unmarshal(order.State, &states) // order.State `gorm:"type:json"`
//	for _, s := range states { ... }
//	for _, c := range rule.Conditions { ... } // `gorm:"serializer:json"`
//	for _, id := range group.UserIDs { ... }  // pq.Int64Array
//
// A list is in a row when it is:
//   - a field the database stores whole: a slice or map field whose ORM
//     tag serializes it (gorm's serializer, a json or array column type,
//     xorm's json, bun's array) or whose type scans itself from a column
//     (it implements sql.Scanner: pq.StringArray, datatypes.JSONSlice);
//   - a field that code decodes from a column of a row (gorm's AfterFind
//     running json.Unmarshal([]byte(r.RulesRaw), &r.Rules)), learned in
//     the package doing it and carried to others by an InRow fact;
//   - a local only ever filled by decoding a column of a row: Unmarshal
//     from a field of a row struct (one with ORM tags or a TableName
//     method), or from a variable a Scan of a result set filled;
//   - a part of any of these: an item of a loop over one, a field or an
//     index of it (a state's "processor" list).
//
// Only a list of records counts: of structs, maps or decoded JSON values
// (a state, a condition, a channel's settings). A list of strings or
// numbers in a column is most often a relation kept there instead of in
// a join table — an event's endpoint ids, a notification's client ids, a
// group's members — as long as the other table; it stays data. So does a
// list decoded from anything else than a row: a request's body, a file, a
// message.

// InRow is attached to a list field that code of its package decodes
// from a column of a row (see above).
type InRow struct{}

func (*InRow) AFact() {}

func (*InRow) String() string { return "inRow" }

// maxInRowDepth bounds how far inRow follows variables and parts.
const maxInRowDepth = 8

// rowRecords reports whether x, a list a loop ranges over, is a list of
// records one row holds, or part of one (see above).
func (r *resolver) rowRecords(x ast.Expr) bool {
	t := r.pass.TypesInfo.TypeOf(x)
	return t != nil && records(t) && r.inRow(x, 0)
}

// records reports whether the items of a list of type t are records:
// structs, maps, lists or interface values, not strings or numbers.
func records(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	elem := itemType(t)
	if elem == nil {
		return false
	}
	if p, ok := elem.Underlying().(*types.Pointer); ok {
		elem = p.Elem()
	}
	switch elem.Underlying().(type) {
	case *types.Struct, *types.Map, *types.Interface, *types.Slice:
		return true
	}
	return false
}

// inRow reports whether x is a list one row holds, or part of one (see
// above).
func (r *resolver) inRow(x ast.Expr, depth int) bool {
	if depth > maxInRowDepth {
		return false
	}
	info := r.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		sel, ok := info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		f := sel.Obj().(*types.Var)
		if storedList(f, fieldTag(sel)) || r.decodedFields()[f] || r.pass.ImportObjectFact(f, new(InRow)) {
			return true
		}
		return r.inRow(x.X, depth+1)
	case *ast.IndexExpr:
		return r.inRow(x.X, depth+1)
	case *ast.TypeAssertExpr:
		return r.inRow(x.X, depth+1)
	case *ast.StarExpr:
		return r.inRow(x.X, depth+1)
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || v.IsField() {
			return false
		}
		if rs := r.ranged[v]; rs != nil {
			// An item of a list in a row is part of the row; the key of
			// a range over a map in a row too.
			return r.inRow(rs.X, depth+1)
		}
		if rhs := r.definedAs(x); rhs != nil {
			return r.inRow(rhs, depth+1)
		}
		return r.decodedLocal(v, depth)
	}
	return false
}

// decodedLocal reports whether v is a local variable declared without a
// value and only ever filled by decoding a column of a row: every use of
// its address is the target of an Unmarshal of one.
func (r *resolver) decodedLocal(v *types.Var, depth int) bool {
	ws := r.writes[v]
	if len(ws) != 1 || ws[0].tok != token.VAR && ws[0].tok != token.DEFINE || !emptyValue(r.pass.TypesInfo, ws[0].rhs) {
		return false
	}
	block := r.decl[v]
	if block == nil {
		return false
	}
	decoded, other := false, false
	ast.Inspect(block, func(n ast.Node) bool {
		if other {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if src, ok := r.unmarshalInto(n, func(x ast.Expr) bool { return isIdentOf(r.pass.TypesInfo, x, v) }); ok {
				if !r.rowColumn(src, depth+1) {
					other = true
					return false
				}
				decoded = true
				for _, a := range n.Args[:1] {
					ast.Inspect(a, func(m ast.Node) bool { other = other || addressOf(r.pass.TypesInfo, m, v); return !other })
				}
				return false
			}
		case *ast.UnaryExpr:
			if addressOf(r.pass.TypesInfo, n, v) {
				other = true // handed to something else that may fill it
			}
		}
		return true
	})
	return decoded && !other
}

// emptyValue reports whether x, a variable's definition, leaves it empty:
// none (var v T), make(T, ...), an empty composite literal, nil.
func emptyValue(info *types.Info, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case nil:
		return true
	case *ast.CompositeLit:
		return len(x.Elts) == 0
	case *ast.CallExpr:
		b, ok := typeutil.Callee(info, x).(*types.Builtin)
		return ok && b.Name() == "make"
	case *ast.Ident:
		return x.Name == "nil"
	}
	return false
}

// unmarshalInto returns the source of n when n decodes into a target
// that is accepts: json.Unmarshal(src, &x), or any function or method named
// Unmarshal or UnmarshalFromString (jsoniter, sonic, go-json, yaml).
func (r *resolver) unmarshalInto(n *ast.CallExpr, is func(ast.Expr) bool) (ast.Expr, bool) {
	if len(n.Args) != 2 {
		return nil, false
	}
	// By name first: every call of every package is asked.
	switch f := ast.Unparen(n.Fun).(type) {
	case *ast.SelectorExpr:
		if f.Sel.Name != "Unmarshal" && f.Sel.Name != "UnmarshalFromString" {
			return nil, false
		}
	case *ast.Ident:
		if f.Name != "Unmarshal" && f.Name != "UnmarshalFromString" {
			return nil, false
		}
	default:
		return nil, false
	}
	fn, ok := typeutil.Callee(r.pass.TypesInfo, n).(*types.Func)
	if !ok || fn.Name() != "Unmarshal" && fn.Name() != "UnmarshalFromString" {
		return nil, false
	}
	u, ok := ast.Unparen(n.Args[1]).(*ast.UnaryExpr)
	if !ok || u.Op.String() != "&" || !is(u.X) {
		return nil, false
	}
	return n.Args[0], true
}

// rowColumn reports whether x is the value of a column of a row: a field
// of a row struct (see rowStruct) or one with an ORM tag, through
// conversions and variables defined as one, or a variable a result set's
// Scan fills.
func (r *resolver) rowColumn(x ast.Expr, depth int) bool {
	if depth > maxInRowDepth {
		return false
	}
	info := r.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		// []byte(s), string(b), json.RawMessage(s): a conversion.
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return r.rowColumn(x.Args[0], depth+1)
		}
	case *ast.SelectorExpr:
		sel, ok := info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		return ormTagged(fieldTag(sel)) || rowStruct(sel.Recv(), 0)
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || v.IsField() {
			return false
		}
		if rhs := r.definedAs(x); rhs != nil {
			return r.rowColumn(rhs, depth+1)
		}
		return r.scanned(v)
	}
	return false
}

// scanned reports whether v is a local whose address a Scan method call
// takes (rows.Scan(&id, &raw)): a column of a result set.
func (r *resolver) scanned(v *types.Var) bool {
	block := r.decl[v]
	if block == nil {
		return false
	}
	found := false
	ast.Inspect(block, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		fn, ok := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Name() != "Scan" || fn.Type().(*types.Signature).Recv() == nil {
			return true
		}
		for _, a := range call.Args {
			if addressOf(r.pass.TypesInfo, a, v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// decodedFields are the fields of any package that a function of this
// one decodes from a column of a row (Unmarshal(src, &x.f), src a row's
// column or another field of x); read on first use.
func (r *resolver) decodedFields() map[*types.Var]bool {
	if r.decoded != nil {
		return r.decoded
	}
	r.decoded = map[*types.Var]bool{}
	info := r.pass.TypesInfo
	for n := range config.Inspector(r.pass).PreorderSeq((*ast.CallExpr)(nil)) {
		var target *types.Var
		var root ast.Expr
		src, ok := r.unmarshalInto(n.(*ast.CallExpr), func(x ast.Expr) bool {
			sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				target, root = s.Obj().(*types.Var), sel.X
				return rowList(target.Type())
			}
			return false
		})
		if !ok {
			continue
		}
		// The rules decoded from their raw column, both fields of the
		// record: r.Rules from r.RulesRaw.
		sibling := false
		if s, ok := ast.Unparen(stripConversions(info, src)).(*ast.SelectorExpr); ok {
			sibling = types.ExprString(s.X) == types.ExprString(root)
		}
		if sibling || r.rowColumn(src, 0) {
			r.decoded[target] = true
		}
	}
	return r.decoded
}

// exportInRow publishes the package's own fields it decodes from a row.
func (r *resolver) exportInRow() {
	for f := range r.decodedFields() {
		if f.Pkg() == r.pass.Pkg {
			r.pass.ExportObjectFact(f, &InRow{})
		}
	}
}

// stripConversions is x without the type conversions around it.
func stripConversions(info *types.Info, x ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return x
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return x
		}
		x = call.Args[0]
	}
}

// storedList reports whether f, a field with the given tag, is a list the
// database stores whole in one column: serialized by its ORM tag, or of a
// type that scans itself from a column (see above).
func storedList(f *types.Var, tag string) bool {
	if !rowList(f.Type()) {
		return false
	}
	st := reflect.StructTag(tag)
	if g, ok := st.Lookup("gorm"); ok {
		for part := range strings.SplitSeq(g, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(part), ":")
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "serializer":
				return true
			case "type":
				if v := strings.ToLower(v); strings.Contains(v, "json") || strings.Contains(v, "[]") || strings.Contains(v, "array") {
					return true
				}
			}
		}
	}
	if x, ok := st.Lookup("xorm"); ok && slices.ContainsFunc(strings.Fields(x), func(w string) bool { return strings.EqualFold(w, "json") }) {
		return true
	}
	if b, ok := st.Lookup("bun"); ok {
		for part := range strings.SplitSeq(b, ",") {
			if p := strings.ToLower(strings.TrimSpace(part)); p == "array" || strings.HasPrefix(p, "type:json") {
				return true
			}
		}
	}
	return scanner(f.Type())
}

// scanner reports whether a value of type t scans itself from a column:
// *t has a method Scan(any) error.
func scanner(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, ok := t.(*types.Named); !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, "Scan")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 && types.IsInterface(sig.Params().At(0).Type())
}

// isList reports whether t is a slice or map, or a pointer to one.
func rowList(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		// []byte is a column's raw value, not a list.
		if s, ok := t.Underlying().(*types.Slice); ok {
			if b, ok := s.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return false
			}
		}
		return true
	}
	return false
}

// ormTags are the struct tag keys naming a field's column.
var ormTags = []string{"gorm", "db", "xorm", "bun", "pg", "sql"}

// ormTagged reports whether a struct tag maps its field to a column.
func ormTagged(tag string) bool {
	st := reflect.StructTag(tag)
	for _, k := range ormTags {
		if v, ok := st.Lookup(k); ok && v != "-" && !strings.HasPrefix(v, "-") {
			return true
		}
	}
	return false
}

// rowStruct reports whether t (or what it points to) is a struct an ORM
// maps to a table: one with a TableName method, a field an ORM tag maps
// to a column, or an embedded ORM base model (gorm.Model, bun.BaseModel)
// or row struct.
func rowStruct(t types.Type, depth int) bool {
	if depth > 3 {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	if n, ok := t.(*types.Named); ok && ormmodel.TableNameMethod(n) != nil {
		return true
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if ormTagged(st.Tag(i)) {
			return true
		}
		if f.Embedded() {
			if n, ok := types.Unalias(derefType(f.Type())).(*types.Named); ok && n.Obj().Pkg() != nil {
				switch n.Obj().Pkg().Path() {
				case "gorm.io/gorm", "github.com/jinzhu/gorm", "github.com/uptrace/bun":
					return true
				}
			}
			if rowStruct(f.Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// addressOf reports whether n is &v.
func addressOf(info *types.Info, n ast.Node, v *types.Var) bool {
	u, ok := n.(*ast.UnaryExpr)
	return ok && u.Op.String() == "&" && isIdentOf(info, u.X, v)
}

// isIdentOf reports whether x is a use of v.
func isIdentOf(info *types.Info, x ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && info.Uses[id] == v
}
