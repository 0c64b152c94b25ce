// Package bindctx is a store's common context: Bind rebinds the
// placeholders of the SQL it is given for the database in use, with
// sqlx's Rebind, and other packages embed the context in their stores.
package bindctx // want `stats: 2 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/jmoiron/sqlx"
)

// StoreType names the database: a string, but no SQL.
type StoreType string

const (
	MySQL      StoreType = "mysql"
	PostgreSQL StoreType = "postgresql"
	SQLServer  StoreType = "sqlserver"
)

type Provider interface{ Type() StoreType }

type Runtime struct {
	Db            *sqlx.DB
	StoreProvider Provider
}

// Context provides common stuff to store providers.
type Context struct{ Runtime *Runtime }

// Bind keeps the statement: sqlx's Rebind of its one string parameter.
func (c *Context) Bind(sql string) string { // want `rewrites\(0\)`
	bindParam := sqlx.QUESTION
	switch c.Runtime.StoreProvider.Type() {
	case PostgreSQL:
		bindParam = sqlx.DOLLAR
	case SQLServer:
		bindParam = sqlx.AT
	}
	return sqlx.Rebind(bindParam, sql)
}

// RebindParams has a second parameter of a string type, the database,
// which the text is not made of: the statement is sql.
func RebindParams(sql string, s StoreType) string { // want `rewrites\(0\)`
	bindParam := sqlx.QUESTION
	if s == PostgreSQL {
		bindParam = sqlx.DOLLAR
	}
	return sqlx.Rebind(bindParam, sql)
}

// RebindPostgreSQL passes its SQL to a rewriter.
func RebindPostgreSQL(sql string) string { // want `rewrites\(0\)`
	return RebindParams(sql, PostgreSQL)
}

// Count uses Bind in its own package.
func (c *Context) Count() (n int) { // want `issuesQueries\(.*\)`
	c.Runtime.Db.QueryRowx(c.Bind("SELECT count(*) FROM orgs")).Scan(&n) // want `site query read "SELECT count\(\*\) FROM orgs"`
	return n
}

// Limit appends to the statement before rebinding it: no rewriter, an
// appender of a constant clause, kept.
func (c *Context) Limit(sql string) string { // want `appends\(0, " LIMIT 10"\)`
	return sqlx.Rebind(sqlx.DOLLAR, sql+" LIMIT 10")
}

// Table rebinds SQL made with its second string: no rewriter; an
// appender of text not known, dropped (what it is given must then be a
// whole statement).
func (c *Context) Table(sql, table string) string { // want `appends\(0, varies\)`
	return sqlx.Rebind(sqlx.DOLLAR, sql+table)
}

// Either returns one string or the other: neither is the statement.
func (c *Context) Either(a, b string) string {
	if a == "" {
		return sqlx.Rebind(sqlx.DOLLAR, b)
	}
	return sqlx.Rebind(sqlx.DOLLAR, a)
}

var names = regexp.MustCompile(`\{table\}`)

// Named puts its second string into the text: no rewriter; regexp's
// replacement keeps the text as written (a template), as at a query site.
func (c *Context) Named(sql, table string) string { // want `appends\(0, ""\)`
	return names.ReplaceAllString(sql, table)
}

// Limited formats the statement into more text: no rewriter, an
// appender.
func Limited(sql string) string { // want `appends\(0, " LIMIT 10"\)`
	sql = fmt.Sprintf("%s LIMIT 10", sql)
	return sqlx.Rebind(sqlx.DOLLAR, sql)
}

func addLimit(sql string, n int) string { return sql + " LIMIT " + strconv.Itoa(n) }

// Paged passes the statement through a function of its package that
// appends to it: no rewriter, an appender of a number (a value).
func Paged(sql string) string { // want `appends\(0, " LIMIT …"\)`
	sql = addLimit(sql, 10)
	return sql
}

// Purge calls a helper that appends, in its own package: the statement
// with the LIMIT (MySQL's, read as the DELETE before it).
func (c *Context) Purge() { // want `issuesQueries\(.*\)`
	c.Runtime.Db.MustExec(Paged("DELETE FROM orgs")) // want `site exec write "DELETE FROM orgs LIMIT \$1"$`
}
