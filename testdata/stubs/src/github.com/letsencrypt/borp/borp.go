// Package borp is a stub of github.com/letsencrypt/borp, Let's Encrypt's
// fork of gorp: every method takes a context first.
package borp

import (
	"context"
	"database/sql"
)

type DbMap struct{ Db *sql.DB }

type TableMap struct{}

func (t *TableMap) SetKeys(isAutoIncr bool, fieldNames ...string) *TableMap { return t }

func (m *DbMap) AddTable(i interface{}) *TableMap                      { return &TableMap{} }
func (m *DbMap) AddTableWithName(i interface{}, name string) *TableMap { return &TableMap{} }

func (m *DbMap) Insert(ctx context.Context, list ...interface{}) error          { return nil }
func (m *DbMap) Update(ctx context.Context, list ...interface{}) (int64, error) { return 0, nil }
func (m *DbMap) Delete(ctx context.Context, list ...interface{}) (int64, error) { return 0, nil }
func (m *DbMap) Get(ctx context.Context, i interface{}, keys ...interface{}) (interface{}, error) {
	return nil, nil
}
func (m *DbMap) Select(ctx context.Context, i interface{}, query string, args ...interface{}) ([]interface{}, error) {
	return nil, nil
}
func (m *DbMap) SelectOne(ctx context.Context, holder interface{}, query string, args ...interface{}) error {
	return nil
}
func (m *DbMap) SelectInt(ctx context.Context, query string, args ...interface{}) (int64, error) {
	return 0, nil
}
func (m *DbMap) SelectStr(ctx context.Context, query string, args ...interface{}) (string, error) {
	return "", nil
}
func (m *DbMap) ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error) {
	return nil, nil
}
func (m *DbMap) QueryContext(ctx context.Context, q string, args ...interface{}) (*sql.Rows, error) {
	return nil, nil
}
func (m *DbMap) QueryRowContext(ctx context.Context, query string, args ...interface{}) *sql.Row {
	return nil
}
func (m *DbMap) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) { return nil, nil }
func (m *DbMap) BeginTx(ctx context.Context) (*Transaction, error)                   { return &Transaction{}, nil }

type Transaction struct{}

func (t *Transaction) Insert(ctx context.Context, list ...interface{}) error { return nil }
func (t *Transaction) Select(ctx context.Context, i interface{}, query string, args ...interface{}) ([]interface{}, error) {
	return nil, nil
}
func (t *Transaction) ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error) {
	return nil, nil
}
func (t *Transaction) Commit() error   { return nil }
func (t *Transaction) Rollback() error { return nil }

type SqlExecutor interface {
	Insert(ctx context.Context, list ...interface{}) error
	Select(ctx context.Context, i interface{}, query string, args ...interface{}) ([]interface{}, error)
	SelectOne(ctx context.Context, holder interface{}, query string, args ...interface{}) error
	SelectInt(ctx context.Context, query string, args ...interface{}) (int64, error)
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
}

func SelectInt(ctx context.Context, e SqlExecutor, query string, args ...interface{}) (int64, error) {
	return 0, nil
}

func SelectOne(ctx context.Context, m *DbMap, e SqlExecutor, holder interface{}, query string, args ...interface{}) error {
	return nil
}
