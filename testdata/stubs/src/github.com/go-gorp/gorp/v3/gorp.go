// Stub of github.com/go-gorp/gorp/v3 (signatures mirror v3.1.0; bodies are placeholders).

package gorp

import (
	"context"
	"database/sql"
)

type Dialect interface {
	BindVar(i int) string
}

type PostgresDialect struct{}

func (d PostgresDialect) BindVar(i int) string { panic("stub") }

type MySQLDialect struct {
	Engine   string
	Encoding string
}

func (d MySQLDialect) BindVar(i int) string { panic("stub") }

type TableMap struct{}

func (t *TableMap) SetKeys(isAutoIncr bool, fieldNames ...string) *TableMap { panic("stub") }

type SqlExecutor interface {
	WithContext(ctx context.Context) SqlExecutor
	Get(i interface{}, keys ...interface{}) (interface{}, error)
	Insert(list ...interface{}) error
	Update(list ...interface{}) (int64, error)
	Delete(list ...interface{}) (int64, error)
	Exec(query string, args ...interface{}) (sql.Result, error)
	Select(i interface{}, query string, args ...interface{}) ([]interface{}, error)
	SelectInt(query string, args ...interface{}) (int64, error)
	SelectNullInt(query string, args ...interface{}) (sql.NullInt64, error)
	SelectFloat(query string, args ...interface{}) (float64, error)
	SelectNullFloat(query string, args ...interface{}) (sql.NullFloat64, error)
	SelectStr(query string, args ...interface{}) (string, error)
	SelectNullStr(query string, args ...interface{}) (sql.NullString, error)
	SelectOne(holder interface{}, query string, args ...interface{}) error
	Query(query string, args ...interface{}) (*sql.Rows, error)
	QueryRow(query string, args ...interface{}) *sql.Row
}

type DbMap struct {
	Db      *sql.DB
	Dialect Dialect
}

func (m *DbMap) AddTable(i interface{}) *TableMap                      { panic("stub") }
func (m *DbMap) AddTableWithName(i interface{}, name string) *TableMap { panic("stub") }
func (m *DbMap) Begin() (*Transaction, error)                          { panic("stub") }
func (m *DbMap) WithContext(ctx context.Context) SqlExecutor           { panic("stub") }
func (m *DbMap) Get(i interface{}, keys ...interface{}) (interface{}, error) {
	panic("stub")
}
func (m *DbMap) Insert(list ...interface{}) error                           { panic("stub") }
func (m *DbMap) Update(list ...interface{}) (int64, error)                  { panic("stub") }
func (m *DbMap) Delete(list ...interface{}) (int64, error)                  { panic("stub") }
func (m *DbMap) Exec(query string, args ...interface{}) (sql.Result, error) { panic("stub") }
func (m *DbMap) Select(i interface{}, query string, args ...interface{}) ([]interface{}, error) {
	panic("stub")
}
func (m *DbMap) SelectInt(query string, args ...interface{}) (int64, error) { panic("stub") }
func (m *DbMap) SelectNullInt(query string, args ...interface{}) (sql.NullInt64, error) {
	panic("stub")
}
func (m *DbMap) SelectFloat(query string, args ...interface{}) (float64, error) { panic("stub") }
func (m *DbMap) SelectNullFloat(query string, args ...interface{}) (sql.NullFloat64, error) {
	panic("stub")
}
func (m *DbMap) SelectStr(query string, args ...interface{}) (string, error) { panic("stub") }
func (m *DbMap) SelectNullStr(query string, args ...interface{}) (sql.NullString, error) {
	panic("stub")
}
func (m *DbMap) SelectOne(holder interface{}, query string, args ...interface{}) error {
	panic("stub")
}
func (m *DbMap) Query(q string, args ...interface{}) (*sql.Rows, error) { panic("stub") }
func (m *DbMap) QueryRow(query string, args ...interface{}) *sql.Row    { panic("stub") }
func (m *DbMap) Prepare(query string) (*sql.Stmt, error)                { panic("stub") }

type Transaction struct{}

func (t *Transaction) Commit() error                               { panic("stub") }
func (t *Transaction) Rollback() error                             { panic("stub") }
func (t *Transaction) WithContext(ctx context.Context) SqlExecutor { panic("stub") }
func (t *Transaction) Get(i interface{}, keys ...interface{}) (interface{}, error) {
	panic("stub")
}
func (t *Transaction) Insert(list ...interface{}) error                           { panic("stub") }
func (t *Transaction) Update(list ...interface{}) (int64, error)                  { panic("stub") }
func (t *Transaction) Delete(list ...interface{}) (int64, error)                  { panic("stub") }
func (t *Transaction) Exec(query string, args ...interface{}) (sql.Result, error) { panic("stub") }
func (t *Transaction) Select(i interface{}, query string, args ...interface{}) ([]interface{}, error) {
	panic("stub")
}
func (t *Transaction) SelectInt(query string, args ...interface{}) (int64, error) { panic("stub") }
func (t *Transaction) SelectNullInt(query string, args ...interface{}) (sql.NullInt64, error) {
	panic("stub")
}
func (t *Transaction) SelectFloat(query string, args ...interface{}) (float64, error) {
	panic("stub")
}
func (t *Transaction) SelectNullFloat(query string, args ...interface{}) (sql.NullFloat64, error) {
	panic("stub")
}
func (t *Transaction) SelectStr(query string, args ...interface{}) (string, error) { panic("stub") }
func (t *Transaction) SelectNullStr(query string, args ...interface{}) (sql.NullString, error) {
	panic("stub")
}
func (t *Transaction) SelectOne(holder interface{}, query string, args ...interface{}) error {
	panic("stub")
}
func (t *Transaction) Query(q string, args ...interface{}) (*sql.Rows, error) { panic("stub") }
func (t *Transaction) QueryRow(query string, args ...interface{}) *sql.Row    { panic("stub") }
func (t *Transaction) Prepare(query string) (*sql.Stmt, error)                { panic("stub") }

func SelectInt(e SqlExecutor, query string, args ...interface{}) (int64, error) { panic("stub") }
func SelectStr(e SqlExecutor, query string, args ...interface{}) (string, error) {
	panic("stub")
}
func SelectOne(m *DbMap, e SqlExecutor, holder interface{}, query string, args ...interface{}) error {
	panic("stub")
}
