// Package db is a stub of upper/db v4: a session's collections and
// their result sets, and its SQL builder.
package db

import (
	"context"
	"database/sql"
)

type Cond map[string]interface{}

type InsertResult struct{ id interface{} }

type Record interface{}

type Session interface {
	Collection(name string) Collection
	SQL() SQL
	Get(record Record, cond interface{}) error
	Save(record Record) error
	Delete(record Record) error
}

type Collection interface {
	Name() string
	Insert(item interface{}) (*InsertResult, error)
	InsertReturning(item interface{}) error
	UpdateReturning(item interface{}) error
	Exists() (bool, error)
	Find(conds ...interface{}) Result
	Count() (uint64, error)
	Truncate() error
}

type Result interface {
	Limit(int) Result
	And(...interface{}) Result
	Delete() error
	Update(interface{}) error
	Count() (uint64, error)
	Exists() (bool, error)
	Next(ptrToStruct interface{}) bool
	One(ptrToStruct interface{}) error
	All(sliceOfStructs interface{}) error
	Close() error
}

type SQLExecer interface {
	Exec() (sql.Result, error)
	ExecContext(context.Context) (sql.Result, error)
}

type SQLGetter interface {
	Query() (*sql.Rows, error)
	QueryContext(context.Context) (*sql.Rows, error)
	QueryRow() (*sql.Row, error)
	QueryRowContext(ctx context.Context) (*sql.Row, error)
}

type ResultMapper interface {
	All(destSlice interface{}) error
	One(dest interface{}) error
}

type Selector interface {
	SQLGetter
	ResultMapper
	From(tables ...interface{}) Selector
	Where(conds ...interface{}) Selector
}

type Updater interface {
	SQLExecer
	Set(...interface{}) Updater
	Where(...interface{}) Updater
}

type SQL interface {
	Select(columns ...interface{}) Selector
	Update(table string) Updater
	Exec(query interface{}, args ...interface{}) (sql.Result, error)
	ExecContext(ctx context.Context, query interface{}, args ...interface{}) (sql.Result, error)
	Query(query interface{}, args ...interface{}) (*sql.Rows, error)
	QueryRow(query interface{}, args ...interface{}) (*sql.Row, error)
}
