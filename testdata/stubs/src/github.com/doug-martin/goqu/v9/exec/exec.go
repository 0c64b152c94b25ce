// Stub of github.com/doug-martin/goqu/v9/exec (signatures mirror v9.19.0; bodies are placeholders).

package exec

import (
	"context"
	"database/sql"
)

type QueryExecutor struct{}

func (q QueryExecutor) ToSQL() (string, []interface{}, error)               { panic("stub") }
func (q QueryExecutor) Exec() (sql.Result, error)                           { panic("stub") }
func (q QueryExecutor) ExecContext(ctx context.Context) (sql.Result, error) { panic("stub") }
func (q QueryExecutor) Query() (*sql.Rows, error)                           { panic("stub") }
func (q QueryExecutor) QueryContext(ctx context.Context) (*sql.Rows, error) { panic("stub") }
func (q QueryExecutor) ScanStructs(i interface{}) error                     { panic("stub") }
func (q QueryExecutor) ScanStructsContext(ctx context.Context, i interface{}) error {
	panic("stub")
}
func (q QueryExecutor) ScanStruct(i interface{}) (bool, error) { panic("stub") }
func (q QueryExecutor) ScanVal(i interface{}) (bool, error)    { panic("stub") }
func (q QueryExecutor) ScanVals(i interface{}) error           { panic("stub") }
