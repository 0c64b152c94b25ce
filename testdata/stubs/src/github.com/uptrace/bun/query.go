// Stub of github.com/uptrace/bun (signatures mirror v1.3.0; bodies are placeholders).

package bun

import (
	"context"
	"database/sql"
)

type SelectQuery struct {
	db *DB
}

func NewSelectQuery(db *DB) *SelectQuery { panic("stub") }

func (q *SelectQuery) Apply(fns ...func(*SelectQuery) *SelectQuery) *SelectQuery { panic("stub") }

func (q *SelectQuery) Column(columns ...string) *SelectQuery { panic("stub") }

func (q *SelectQuery) ColumnExpr(query string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) Conn(db IConn) *SelectQuery { panic("stub") }

func (q *SelectQuery) Count(ctx context.Context) (int64, error) { panic("stub") }

func (q *SelectQuery) Distinct() *SelectQuery { panic("stub") }

func (q *SelectQuery) DistinctOn(query string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) ExcludeColumn(columns ...string) *SelectQuery { panic("stub") }

func (q *SelectQuery) Exec(ctx context.Context, dest ...any) (res sql.Result, err error) {
	panic("stub")
}

func (q *SelectQuery) Exists(ctx context.Context) (bool, error) { panic("stub") }

func (q *SelectQuery) For(s string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) Group(columns ...string) *SelectQuery { panic("stub") }

func (q *SelectQuery) Having(having string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) Join(join string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) JoinOn(cond string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) Limit(n int64) *SelectQuery { panic("stub") }

func (q *SelectQuery) Model(model any) *SelectQuery { panic("stub") }

func (q *SelectQuery) Offset(n int64) *SelectQuery { panic("stub") }

func (q *SelectQuery) Order(orders ...string) *SelectQuery { panic("stub") }

func (q *SelectQuery) OrderExpr(query string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) Relation(name string, apply ...func(*SelectQuery) *SelectQuery) *SelectQuery {
	panic("stub")
}

func (q *SelectQuery) Scan(ctx context.Context, dest ...any) error { panic("stub") }

func (q *SelectQuery) ScanAndCount(ctx context.Context, dest ...any) (int64, error) { panic("stub") }

func (q *SelectQuery) String() string { panic("stub") }

func (q *SelectQuery) Table(tables ...string) *SelectQuery { panic("stub") }

func (q *SelectQuery) TableExpr(query string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) Where(query string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) WhereGroup(sep string, fn func(*SelectQuery) *SelectQuery) *SelectQuery {
	panic("stub")
}

func (q *SelectQuery) WhereOr(query string, args ...any) *SelectQuery { panic("stub") }

func (q *SelectQuery) WherePK(cols ...string) *SelectQuery { panic("stub") }

func (q *SelectQuery) With(name string, query Query) *SelectQuery { panic("stub") }

type InsertQuery struct {
	db *DB
}

func NewInsertQuery(db *DB) *InsertQuery { panic("stub") }

func (q *InsertQuery) Apply(fns ...func(*InsertQuery) *InsertQuery) *InsertQuery { panic("stub") }

func (q *InsertQuery) Column(columns ...string) *InsertQuery { panic("stub") }

func (q *InsertQuery) ColumnExpr(query string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) Conn(db IConn) *InsertQuery { panic("stub") }

func (q *InsertQuery) ExcludeColumn(columns ...string) *InsertQuery { panic("stub") }

func (q *InsertQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *InsertQuery) Ignore() *InsertQuery { panic("stub") }

func (q *InsertQuery) Model(model any) *InsertQuery { panic("stub") }

func (q *InsertQuery) On(s string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) Returning(query string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) Scan(ctx context.Context, dest ...any) error { panic("stub") }

func (q *InsertQuery) Set(query string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) String() string { panic("stub") }

func (q *InsertQuery) Table(tables ...string) *InsertQuery { panic("stub") }

func (q *InsertQuery) TableExpr(query string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) Value(column string, expr string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) Where(query string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) WhereOr(query string, args ...any) *InsertQuery { panic("stub") }

func (q *InsertQuery) With(name string, query Query) *InsertQuery { panic("stub") }

type UpdateQuery struct {
	db *DB
}

func NewUpdateQuery(db *DB) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Apply(fns ...func(*UpdateQuery) *UpdateQuery) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Bulk() *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Column(columns ...string) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Conn(db IConn) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) ExcludeColumn(columns ...string) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *UpdateQuery) Join(join string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) JoinOn(cond string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Limit(n int64) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Model(model any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) OmitZero() *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Order(orders ...string) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) OrderExpr(query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Returning(query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Scan(ctx context.Context, dest ...any) error { panic("stub") }

func (q *UpdateQuery) Set(query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) SetColumn(column string, query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) String() string { panic("stub") }

func (q *UpdateQuery) Table(tables ...string) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) TableExpr(query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Value(column string, query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) Where(query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) WhereGroup(sep string, fn func(*UpdateQuery) *UpdateQuery) *UpdateQuery {
	panic("stub")
}

func (q *UpdateQuery) WhereOr(query string, args ...any) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) WherePK(cols ...string) *UpdateQuery { panic("stub") }

func (q *UpdateQuery) With(name string, query Query) *UpdateQuery { panic("stub") }

type DeleteQuery struct {
	db *DB
}

func NewDeleteQuery(db *DB) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Apply(fns ...func(*DeleteQuery) *DeleteQuery) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Conn(db IConn) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *DeleteQuery) ForceDelete() *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Limit(n int64) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Model(model any) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Order(orders ...string) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) OrderExpr(query string, args ...any) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Returning(query string, args ...any) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Scan(ctx context.Context, dest ...any) error { panic("stub") }

func (q *DeleteQuery) String() string { panic("stub") }

func (q *DeleteQuery) Table(tables ...string) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) TableExpr(query string, args ...any) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) Where(query string, args ...any) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) WhereGroup(sep string, fn func(*DeleteQuery) *DeleteQuery) *DeleteQuery {
	panic("stub")
}

func (q *DeleteQuery) WhereOr(query string, args ...any) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) WherePK(cols ...string) *DeleteQuery { panic("stub") }

func (q *DeleteQuery) With(name string, query Query) *DeleteQuery { panic("stub") }

type RawQuery struct {
	db *DB
}

func NewRawQuery(db *DB, query string, args ...any) *RawQuery { panic("stub") }

func (q *RawQuery) Conn(db IConn) *RawQuery { panic("stub") }

func (q *RawQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *RawQuery) Scan(ctx context.Context, dest ...any) error { panic("stub") }

func (q *RawQuery) String() string { panic("stub") }

type ValuesQuery struct {
	db *DB
}

type MergeQuery struct {
	db *DB
}

func (q *MergeQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *MergeQuery) Model(model any) *MergeQuery { panic("stub") }

func (q *MergeQuery) Scan(ctx context.Context, dest ...any) error { panic("stub") }

type CreateTableQuery struct {
	db *DB
}

func (q *CreateTableQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *CreateTableQuery) Model(model any) *CreateTableQuery { panic("stub") }

type DropTableQuery struct {
	db *DB
}

func (q *DropTableQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *DropTableQuery) Model(model any) *DropTableQuery { panic("stub") }

type CreateIndexQuery struct {
	db *DB
}

func (q *CreateIndexQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *CreateIndexQuery) Model(model any) *CreateIndexQuery { panic("stub") }

type DropIndexQuery struct {
	db *DB
}

func (q *DropIndexQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *DropIndexQuery) Model(model any) *DropIndexQuery { panic("stub") }

type TruncateTableQuery struct {
	db *DB
}

func (q *TruncateTableQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	panic("stub")
}

func (q *TruncateTableQuery) Model(model any) *TruncateTableQuery { panic("stub") }

type AddColumnQuery struct {
	db *DB
}

func (q *AddColumnQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *AddColumnQuery) Model(model any) *AddColumnQuery { panic("stub") }

type DropColumnQuery struct {
	db *DB
}

func (q *DropColumnQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { panic("stub") }

func (q *DropColumnQuery) Model(model any) *DropColumnQuery { panic("stub") }

func (q *CreateTableQuery) IfNotExists() *CreateTableQuery { panic("stub") }

func (q *CreateTableQuery) Table(tables ...string) *CreateTableQuery { panic("stub") }

func (q *CreateIndexQuery) Unique() *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) Concurrently() *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) IfNotExists() *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) Index(query string) *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) Table(tables ...string) *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) Using(query string, args ...any) *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) Column(columns ...string) *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) ColumnExpr(query string, args ...any) *CreateIndexQuery { panic("stub") }

func (q *CreateIndexQuery) Where(query string, args ...any) *CreateIndexQuery { panic("stub") }
