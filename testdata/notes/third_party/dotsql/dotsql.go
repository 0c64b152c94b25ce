// Package dotsql stands in for github.com/qustavo/dotsql in sqlheat's
// tests: the API the notes service uses, with placeholder bodies.
package dotsql

import (
	"context"
	"database/sql"
)

// QueryerContext is an interface used by QueryContext.
type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
}

// DotSql represents a dotSQL queries holder.
type DotSql struct{}

// QueryContext is a wrapper for database/sql's QueryContext(), using dotsql named query.
func (d DotSql) QueryContext(ctx context.Context, db QueryerContext, name string, args ...interface{}) (*sql.Rows, error) {
	panic("stand-in")
}

// LoadFromString imports SQL queries from the string.
func LoadFromString(sql string) (*DotSql, error) { panic("stand-in") }
