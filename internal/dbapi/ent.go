package dbapi

import (
	"go/constant"
	"go/types"
	"slices"
	"strings"
)

// ent (entgo.io/ent) generates its API into the program: a package
// (conventionally ent/) of builders per entity, and a package per entity
// (ent/user) holding its table, its columns and its predicates:
//
//	client.User.Query().Where(user.NameEQ(n)).Limit(10).All(ctx) // SELECT ... FROM users WHERE name = $1 LIMIT 10
//	client.User.Create().SetName(n).Save(ctx)                    // INSERT INTO users (name) VALUES ($1)
//	u.QueryPosts().All(ctx)                                      // SELECT ... FROM posts WHERE user_posts = $1
//
// There is no fixed import path to key a table on: the builders are
// told by their types. A package is ent's when it declares the type
// every generated builder embeds, config, holding ent's dialect.Driver;
// its types are the builders, named by ent's suffixes (UserQuery,
// UserCreate...), and a type embedding config without a builder's
// suffix is an entity (User). The finishers are the methods that send
// what a builder holds.

// entDialect is the package of ent's Driver interface, which the
// generated config holds.
const entDialect = "entgo.io/ent/dialect"

// EntPaths are ent's own packages: a program importing them (through
// its generated code) may query.
var EntPaths = []string{"entgo.io/ent", "entgo.io/ent/dialect", "entgo.io/ent/dialect/sql"}

func init() { Packages = append(Packages, EntPaths...) }

// Kinds of ent types, by the suffix ent names them with.
const (
	EntQuery      = "Query"
	EntCreate     = "Create"
	EntCreateBulk = "CreateBulk"
	EntUpdate     = "Update"
	EntUpdateOne  = "UpdateOne"
	EntDelete     = "Delete"
	EntDeleteOne  = "DeleteOne"
	EntSelect     = "Select"
	EntGroupBy    = "GroupBy"
	EntClient     = "Client"
	// EntEntity is an entity's value (User): its QueryX methods start a
	// query of its edge X, Update an update of its row.
	EntEntity = "entity"
	// EntSelector is the generated selector that Select and GroupBy
	// embed: its Scan, Strings, Ints... send the statement.
	EntSelector = "selector"
)

// entSuffixes are the builders' suffixes, longest first (CreateBulk
// before Create).
var entSuffixes = []string{EntCreateBulk, EntUpdateOne, EntDeleteOne, EntGroupBy, EntQuery, EntCreate, EntUpdate, EntDelete, EntSelect, EntClient}

// entFinishers are, per kind, the methods that send the statement.
var entFinishers = map[string][]string{
	EntQuery: {"All", "AllX", "Only", "OnlyX", "OnlyID", "OnlyIDX", "First", "FirstX", "FirstID", "FirstIDX",
		"IDs", "IDsX", "Count", "CountX", "Exist", "ExistX",
		"Paginate"}, // entgql's connections
	EntSelector: {"Scan", "ScanX", "Strings", "StringsX", "String", "StringX", "Ints", "IntsX", "Int", "IntX",
		"Float64s", "Float64sX", "Float64", "Float64X", "Bools", "BoolsX", "Bool", "BoolX"},
	EntSelect:     {"Scan", "ScanX"},
	EntGroupBy:    {"Scan", "ScanX"},
	EntCreate:     {"Save", "SaveX", "Exec", "ExecX"},
	EntCreateBulk: {"Save", "SaveX", "Exec", "ExecX"},
	EntUpdate:     {"Save", "SaveX", "Exec", "ExecX"},
	EntUpdateOne:  {"Save", "SaveX", "Exec", "ExecX"},
	EntDelete:     {"Exec", "ExecX"},
	EntDeleteOne:  {"Exec", "ExecX"},
	EntClient:     {"Get", "GetX"},
}

// IsEntPackage reports whether p is a package ent generated its
// builders into: it declares config, a struct holding ent's Driver.
func IsEntPackage(p *types.Package) bool {
	if p == nil {
		return false
	}
	tn, ok := p.Scope().Lookup("config").(*types.TypeName)
	if !ok {
		return false
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if n, ok := types.Unalias(st.Field(i).Type()).(*types.Named); ok && n.Obj().Pkg() != nil &&
			n.Obj().Pkg().Path() == entDialect && n.Obj().Name() == "Driver" {
			return true
		}
	}
	return false
}

// EntKind is the kind of an ent type (EntQuery, EntEntity...), and the
// entity it is of ("User" for UserQuery), "" for any other type.
func EntKind(t types.Type) (kind, entity string) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !IsEntPackage(n.Obj().Pkg()) {
		return "", ""
	}
	name := n.Obj().Name()
	if name == "selector" {
		return EntSelector, ""
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return "", ""
	}
	for _, suf := range entSuffixes {
		if e, ok := strings.CutSuffix(name, suf); ok && e != "" && entityPkg(n.Obj().Pkg(), e) != nil {
			return suf, e
		}
	}
	if embedsConfig(st) && entityPkg(n.Obj().Pkg(), name) != nil {
		return EntEntity, name
	}
	return "", ""
}

// embedsConfig reports whether a struct embeds the generated config.
func embedsConfig(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if n, ok := types.Unalias(f.Type()).(*types.Named); ok && f.Embedded() && n.Obj().Name() == "config" {
			return true
		}
	}
	return false
}

// entityPkg is the package ent generated for entity e beside the
// builders' package p (ent/user for User): the one p imports, named
// after the entity in lower case, that declares its Table.
func entityPkg(p *types.Package, e string) *types.Package {
	want := strings.ToLower(e)
	for _, imp := range p.Imports() {
		if imp.Name() == want {
			if _, ok := EntConst(imp, "Table"); ok {
				return imp
			}
		}
	}
	return nil
}

// EntEntityPkg is the entity package of an ent type (ent/user for
// *ent.UserQuery), nil for any other type.
func EntEntityPkg(t types.Type) *types.Package {
	kind, e := EntKind(t)
	if kind == "" || e == "" {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return entityPkg(types.Unalias(t).(*types.Named).Obj().Pkg(), e)
}

// EntConst is the string constant name of package p (user.Table,
// user.FieldName).
func EntConst(p *types.Package, name string) (string, bool) {
	c, ok := p.Scope().Lookup(name).(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Val()), true
}

// EntColumns are the columns of an entity package's fields (its Field*
// constants), in the order ent declares them: the id first.
func EntColumns(p *types.Package) []string {
	var consts []*types.Const
	for _, name := range p.Scope().Names() {
		if c, ok := p.Scope().Lookup(name).(*types.Const); ok && strings.HasPrefix(name, "Field") && c.Val().Kind() == constant.String {
			consts = append(consts, c)
		}
	}
	slices.SortFunc(consts, func(a, b *types.Const) int { return int(a.Pos() - b.Pos()) })
	var cols []string
	for _, c := range consts {
		cols = append(cols, constant.StringVal(c.Val()))
	}
	return cols
}

// entMethod is the table entry of an ent finisher: a method of a
// generated builder that sends its statement.
func entMethod(fn *types.Func) *Method {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	kind, _ := EntKind(sig.Recv().Type())
	if kind == "" || !slices.Contains(entFinishers[kind], fn.Name()) {
		return nil
	}
	m := &Method{Pkg: fn.Pkg().Path(), Recv: recvName(fn), Name: fn.Name(), Role: Finisher, SQLArg: -1, Lib: "ent"}
	switch kind {
	case EntCreate, EntCreateBulk, EntUpdate, EntUpdateOne, EntDelete, EntDeleteOne:
		m.Write = true
	}
	return m
}

// entChain reports whether fn adds to or starts an ent statement: a
// method of a builder returning a builder (Where, Limit, SetName,
// QueryPosts), or a method of a client or an entity starting one
// (client.User.Query(), u.QueryPosts(), u.Update()).
func entChain(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 {
		return false
	}
	kind, _ := EntKind(sig.Recv().Type())
	res, _ := EntKind(sig.Results().At(0).Type())
	return kind != "" && kind != EntSelector && entBuilder(res)
}

// entBuilder reports whether kind is a statement's builder (not a
// client or an entity, which start them).
func entBuilder(kind string) bool {
	return kind != "" && kind != EntClient && kind != EntEntity
}

// entStart reports whether fn, a call of an ent chain, starts the
// statement: a client's or an entity's method.
func entStart(fn *types.Func) bool {
	kind, _ := EntKind(fn.Type().(*types.Signature).Recv().Type())
	return kind == EntClient || kind == EntEntity
}
