// Stub of github.com/doug-martin/goqu/v9 (signatures mirror v9.19.0; bodies are placeholders).

package goqu

import (
	"context"
	"database/sql"

	"github.com/doug-martin/goqu/v9/exec"
	"github.com/doug-martin/goqu/v9/exp"
)

type (
	Expression = exp.Expression
	Ex         = exp.Ex
	ExOr       = exp.ExOr
	Op         = exp.Op
	Record     = exp.Record
	Vals       = exp.Vals
)

type DialectWrapper struct{}

func Dialect(dialect string) DialectWrapper                         { return DialectWrapper{} }
func (dw DialectWrapper) From(table ...interface{}) *SelectDataset  { panic("stub") }
func (dw DialectWrapper) Select(cols ...interface{}) *SelectDataset { panic("stub") }
func (dw DialectWrapper) Update(table interface{}) *UpdateDataset   { panic("stub") }
func (dw DialectWrapper) Insert(table interface{}) *InsertDataset   { panic("stub") }
func (dw DialectWrapper) Delete(table interface{}) *DeleteDataset   { panic("stub") }
func (dw DialectWrapper) DB(db *sql.DB) *Database                   { panic("stub") }
func New(dialect string, db *sql.DB) *Database                      { panic("stub") }
func From(table ...interface{}) *SelectDataset                      { panic("stub") }
func Select(cols ...interface{}) *SelectDataset                     { panic("stub") }
func Update(table interface{}) *UpdateDataset                       { panic("stub") }
func Insert(table interface{}) *InsertDataset                       { panic("stub") }
func Delete(table interface{}) *DeleteDataset                       { panic("stub") }

type Database struct{}

func (d *Database) From(from ...interface{}) *SelectDataset   { panic("stub") }
func (d *Database) Select(cols ...interface{}) *SelectDataset { panic("stub") }
func (d *Database) Update(table interface{}) *UpdateDataset   { panic("stub") }
func (d *Database) Insert(table interface{}) *InsertDataset   { panic("stub") }
func (d *Database) Delete(table interface{}) *DeleteDataset   { panic("stub") }
func (d *Database) Begin() (*TxDatabase, error)               { panic("stub") }
func (d *Database) Exec(query string, args ...interface{}) (sql.Result, error) {
	panic("stub")
}
func (d *Database) ScanStructs(i interface{}, query string, args ...interface{}) error {
	panic("stub")
}

type TxDatabase struct{}

func (td *TxDatabase) From(cols ...interface{}) *SelectDataset { panic("stub") }
func (td *TxDatabase) Update(table interface{}) *UpdateDataset { panic("stub") }
func (td *TxDatabase) Insert(table interface{}) *InsertDataset { panic("stub") }
func (td *TxDatabase) Delete(table interface{}) *DeleteDataset { panic("stub") }
func (td *TxDatabase) Commit() error                           { panic("stub") }

type SelectDataset struct{}

func (sd *SelectDataset) Prepared(prepared bool) *SelectDataset                     { panic("stub") }
func (sd *SelectDataset) Select(selects ...interface{}) *SelectDataset              { panic("stub") }
func (sd *SelectDataset) SelectAppend(selects ...interface{}) *SelectDataset        { panic("stub") }
func (sd *SelectDataset) Distinct(on ...interface{}) *SelectDataset                 { panic("stub") }
func (sd *SelectDataset) From(from ...interface{}) *SelectDataset                   { panic("stub") }
func (sd *SelectDataset) Join(t exp.Expression, c exp.JoinCondition) *SelectDataset { panic("stub") }
func (sd *SelectDataset) InnerJoin(t exp.Expression, c exp.JoinCondition) *SelectDataset {
	panic("stub")
}
func (sd *SelectDataset) LeftJoin(t exp.Expression, c exp.JoinCondition) *SelectDataset {
	panic("stub")
}
func (sd *SelectDataset) Where(expressions ...exp.Expression) *SelectDataset  { panic("stub") }
func (sd *SelectDataset) GroupBy(groupBy ...interface{}) *SelectDataset       { panic("stub") }
func (sd *SelectDataset) Having(expressions ...exp.Expression) *SelectDataset { panic("stub") }
func (sd *SelectDataset) Order(order ...exp.OrderedExpression) *SelectDataset { panic("stub") }
func (sd *SelectDataset) Limit(limit uint) *SelectDataset                     { panic("stub") }
func (sd *SelectDataset) Offset(offset uint) *SelectDataset                   { panic("stub") }
func (sd *SelectDataset) ForUpdate(w exp.WaitOption, of ...exp.IdentifierExpression) *SelectDataset {
	panic("stub")
}
func (sd *SelectDataset) Union(other *SelectDataset) *SelectDataset { panic("stub") }
func (sd *SelectDataset) Delete() *DeleteDataset                    { panic("stub") }
func (sd *SelectDataset) Update() *UpdateDataset                    { panic("stub") }
func (sd *SelectDataset) ToSQL() (string, []interface{}, error)     { panic("stub") }
func (sd *SelectDataset) Executor() exec.QueryExecutor              { panic("stub") }
func (sd *SelectDataset) ScanStructs(i interface{}) error           { panic("stub") }
func (sd *SelectDataset) ScanStructsContext(ctx context.Context, i interface{}) error {
	panic("stub")
}
func (sd *SelectDataset) ScanStruct(i interface{}) (bool, error) { panic("stub") }
func (sd *SelectDataset) ScanStructContext(ctx context.Context, i interface{}) (bool, error) {
	panic("stub")
}
func (sd *SelectDataset) ScanVals(i interface{}) error        { panic("stub") }
func (sd *SelectDataset) ScanVal(i interface{}) (bool, error) { panic("stub") }
func (sd *SelectDataset) Count() (int64, error)               { panic("stub") }
func (sd *SelectDataset) CountContext(ctx context.Context) (int64, error) {
	panic("stub")
}
func (sd *SelectDataset) Pluck(i interface{}, col string) error { panic("stub") }

type InsertDataset struct{}

func (id *InsertDataset) Cols(cols ...interface{}) *InsertDataset   { panic("stub") }
func (id *InsertDataset) Vals(vals ...[]interface{}) *InsertDataset { panic("stub") }
func (id *InsertDataset) Rows(rows ...interface{}) *InsertDataset   { panic("stub") }
func (id *InsertDataset) Returning(r ...interface{}) *InsertDataset { panic("stub") }
func (id *InsertDataset) OnConflict(c exp.ConflictExpression) *InsertDataset {
	panic("stub")
}
func (id *InsertDataset) ToSQL() (string, []interface{}, error) { panic("stub") }
func (id *InsertDataset) Executor() exec.QueryExecutor          { panic("stub") }

type UpdateDataset struct{}

func (ud *UpdateDataset) Set(values interface{}) *UpdateDataset              { panic("stub") }
func (ud *UpdateDataset) Where(expressions ...exp.Expression) *UpdateDataset { panic("stub") }
func (ud *UpdateDataset) Returning(r ...interface{}) *UpdateDataset          { panic("stub") }
func (ud *UpdateDataset) ToSQL() (string, []interface{}, error)              { panic("stub") }
func (ud *UpdateDataset) Executor() exec.QueryExecutor                       { panic("stub") }

type DeleteDataset struct{}

func (dd *DeleteDataset) Where(expressions ...exp.Expression) *DeleteDataset { panic("stub") }
func (dd *DeleteDataset) ToSQL() (string, []interface{}, error)              { panic("stub") }
func (dd *DeleteDataset) Executor() exec.QueryExecutor                       { panic("stub") }

func C(col string) exp.IdentifierExpression                   { panic("stub") }
func I(ident string) exp.IdentifierExpression                 { panic("stub") }
func T(table string) exp.IdentifierExpression                 { panic("stub") }
func L(sql string, args ...interface{}) exp.LiteralExpression { panic("stub") }
func And(expressions ...exp.Expression) exp.ExpressionList    { panic("stub") }
func Or(expressions ...exp.Expression) exp.ExpressionList     { panic("stub") }
func On(expressions ...exp.Expression) exp.JoinCondition      { panic("stub") }
func COUNT(col interface{}) exp.SQLFunctionExpression         { panic("stub") }
func Star() exp.LiteralExpression                             { panic("stub") }
func DoNothing() exp.ConflictExpression                       { panic("stub") }
func COALESCE(vals ...interface{}) exp.SQLFunctionExpression  { panic("stub") }
func V(val interface{}) exp.LiteralExpression                 { panic("stub") }
func DoUpdate(target string, update interface{}) exp.ConflictUpdateExpression {
	panic("stub")
}
