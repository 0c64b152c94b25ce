// Package qm is a stub of sqlboiler v4's query mods.
package qm

import "github.com/volatiletech/sqlboiler/v4/queries"

type QueryMod interface{ Apply(q *queries.Query) }

type whereQueryMod struct {
	clause string
	args   []interface{}
}

func (w whereQueryMod) Apply(q *queries.Query) { queries.AppendWhere(q, w.clause, w.args...) }

func Where(clause string, args ...interface{}) QueryMod { return whereQueryMod{clause, args} }
