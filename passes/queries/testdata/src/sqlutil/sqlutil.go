// Package sqlutil holds a service's helpers for prepared statements: a
// statement list and a statement map prepared entry by entry, and a
// helper binding a statement to a transaction. None is named to sqlheat:
// they are learned from what they do.
package sqlutil // want `stats: 2 sites, 2 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
)

// StatementList pairs each statement with its SQL.
type StatementList []struct {
	Statement **sql.Stmt // want `stmtTable\(SQL\)`
	SQL       string
}

// Prepare prepares every statement of the list.
func (s StatementList) Prepare(db *sql.DB) (err error) { // want `issuesQueries\(unknown \? @sqlutil.go:\d+\)`
	for _, statement := range s {
		if *statement.Statement, err = db.Prepare(statement.SQL); err != nil { // want `site prepare unknown unresolved: SQL is each entry of a statement table in statements loop`
			return
		}
	}
	return
}

// Statements maps each statement to its SQL.
type Statements map[**sql.Stmt]string // want `stmtTable\(\)`

// Prepare prepares every statement of the map.
func (m Statements) Prepare(ctx context.Context, db *sql.DB) error { // want `issuesQueries\(unknown \? @sqlutil.go:\d+\)`
	for stmt, q := range m {
		s, err := db.PrepareContext(ctx, q) // want `site prepare unknown unresolved: SQL is each element of m in statements loop`
		if err != nil {
			return err
		}
		*stmt = s
	}
	return nil
}

// TxStmt binds a statement to a transaction when there is one.
func TxStmt(tx *sql.Tx, stmt *sql.Stmt) *sql.Stmt { // want `stmtFrom\(1\)`
	if tx != nil {
		stmt = tx.Stmt(stmt)
	}
	return stmt
}
