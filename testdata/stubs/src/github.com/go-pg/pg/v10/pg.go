// Package pg is a stub of go-pg v10: a DB (its methods declared on the
// baseDB it embeds), a Tx, a prepared Stmt.
package pg

import (
	"context"

	"github.com/go-pg/pg/v10/orm"
)

type Result = orm.Result
type Query = orm.Query

type Options struct{ Addr, User, Database string }

func Connect(opt *Options) *DB { return &DB{baseDB: &baseDB{}} }

type baseDB struct{}

type DB struct{ *baseDB }

type Conn struct{ *baseDB }

func (db *baseDB) Model(model ...interface{}) *Query { return orm.NewQuery(nil, model...) }
func (db *baseDB) ModelContext(c context.Context, model ...interface{}) *Query {
	return orm.NewQuery(nil, model...)
}
func (db *baseDB) Exec(query interface{}, params ...interface{}) (Result, error) { return nil, nil }
func (db *baseDB) ExecContext(c context.Context, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) ExecOne(query interface{}, params ...interface{}) (Result, error) { return nil, nil }
func (db *baseDB) Query(model, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) QueryContext(c context.Context, model, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) QueryOne(model, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (db *baseDB) Prepare(q string) (*Stmt, error) { return &Stmt{}, nil }
func (db *baseDB) Begin() (*Tx, error)             { return &Tx{}, nil }

type Tx struct{}

func (tx *Tx) Model(model ...interface{}) *Query { return orm.NewQuery(nil, model...) }
func (tx *Tx) Exec(query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (tx *Tx) QueryOne(model, query interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
func (tx *Tx) Commit() error { return nil }

type Stmt struct{}

func (stmt *Stmt) Exec(params ...interface{}) (Result, error) { return nil, nil }
func (stmt *Stmt) QueryOne(model interface{}, params ...interface{}) (Result, error) {
	return nil, nil
}
