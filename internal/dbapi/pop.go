package dbapi

import (
	"go/types"
	"slices"
)

// pop (github.com/gobuffalo/pop, and ory's fork) sends its SQL through
// a *Connection, a handle whose methods finish or start a statement,
// and a *Query, the statement a chain builds:
//
//	c.Where("email = ?", email).First(&u) // SELECT ... FROM users AS users WHERE email = $1 LIMIT 1
//	c.Find(&u, id)                        // ... WHERE users.id = $1 LIMIT 1
//	c.RawQuery(sql, args...).All(&rows)   // the raw SQL
//	c.Create(&u)                          // INSERT INTO users (...)
//
// The table is the one of the model the finisher is handed (its
// TableName, else pop's pluralized snake case of the type's name).

// popPaths are the import paths pop has been published under.
var popPaths = []string{"github.com/gobuffalo/pop/v6", "github.com/gobuffalo/pop/v5", "github.com/gobuffalo/pop", "github.com/ory/pop/v6"}

// IsPop reports whether path is one of pop's import paths.
func IsPop(path string) bool { return slices.Contains(popPaths, path) }

// popReads and popWrites are pop's finishers on a Connection or a
// Query; each takes the model (or the destination) first. Exec runs
// the raw SQL a RawQuery started.
var (
	popReads  = []string{"Find", "First", "Last", "All", "Exists", "Count", "CountByField", "Reload"}
	popWrites = []string{"Create", "ValidateAndCreate", "Update", "ValidateAndUpdate", "Save", "ValidateAndSave",
		"UpdateColumns", "Destroy", "Delete", "UpdateQuery"}
)

func init() { Packages = append(Packages, popPaths...) }

// fillPop registers pop's methods (see methods).
func fillPop() {
	for _, pop := range popPaths {
		recvs := []string{"Connection", "Query"}
		add(pop, recvs, Builder, 0, "RawQuery")
		add(pop, recvs, Finisher, -1, popReads...)
		add(pop, []string{"Query"}, Finisher, -1, "Exec", "ExecWithCount")
		for _, name := range popWrites {
			for _, recv := range recvs {
				table[key{pop, recv, name}] = &Method{Pkg: pop, Recv: recv, Name: name, Role: Finisher, SQLArg: -1, Write: true}
			}
		}
	}
}

// popChain reports whether fn is a method of pop's Connection or
// Query that adds to the statement a chain builds (Where, Order,
// Paginate, Eager, Q...): any of their methods that returns either.
func popChain(fn *types.Func, recv string) bool {
	if recv != "Connection" && recv != "Query" {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	return res.Len() == 1 && popType(res.At(0).Type()) != ""
}

// popType is "Query" or "Connection" for a pointer to pop's type of
// that name.
func popType(t types.Type) string {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !IsPop(n.Obj().Pkg().Path()) {
		return ""
	}
	if name := n.Obj().Name(); name == "Query" || name == "Connection" {
		return name
	}
	return ""
}

// IsPopHandle reports whether t is pop's *Connection: a handle whose
// statement starts where it is obtained (a function returning the
// request's connection is no chain to read through).
func IsPopHandle(t types.Type) bool { return popType(t) == "Connection" }
