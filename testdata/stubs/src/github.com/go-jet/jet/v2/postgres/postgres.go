// Package postgres is a stub of go-jet's postgres dialect: statements
// built by SELECT, INSERT_INTO... whose interfaces embed jet.Statement.
package postgres

import "github.com/go-jet/jet/v2/internal/jet"

type Statement = jet.Statement

type Table interface{ name() string }

type table struct{ n string }

func (t table) name() string { return t.n }

func NewTable(schema, name string) Table { return table{name} }

type ColumnInteger struct{ name string }

type boolExpr struct{}

func (boolExpr) expr() {}
func (boolExpr) bool() {}

func IntegerColumn(name string) ColumnInteger { return ColumnInteger{name} }

func (c ColumnInteger) EQ(v int64) jet.BoolExpression { return nil }

func Int(v int64) int64 { return v }

type SelectStatement interface {
	jet.Statement
	FROM(tables ...Table) SelectStatement
	WHERE(cond jet.BoolExpression) SelectStatement
}

type DeleteStatement interface {
	jet.Statement
	WHERE(cond jet.BoolExpression) DeleteStatement
}

func SELECT(projections ...interface{}) SelectStatement { return nil }

func DELETE_FROM(t Table) DeleteStatement { return nil }
