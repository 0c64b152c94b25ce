// Package dbr stubs gocraft/dbr's session and select builder.
package dbr

type Session struct{}

type SelectStmt struct{}

func (s *Session) Select(cols ...string) *SelectStmt { return &SelectStmt{} }

func (b *SelectStmt) From(table string) *SelectStmt { return b }

func (b *SelectStmt) Where(query string, args ...any) *SelectStmt { return b }

func (b *SelectStmt) LoadOne(v any) error { return nil }
