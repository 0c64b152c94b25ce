// Stub of github.com/uptrace/bun (signatures mirror v1.3.0; bodies are placeholders).

package bun

import (
	"context"
	"database/sql"
	"time"

	"github.com/uptrace/bun/schema"
)

type (
	Safe      = schema.Safe
	Ident     = schema.Ident
	Query     = schema.Query
	BaseModel = schema.BaseModel
)

// In accepts a slice and returns a wrapper that can be used with `In` operator.
func In(slice any) schema.QueryAppender { panic("stub") }

// IConn is a common interface for *sql.DB, *sql.Conn, and *sql.Tx.
type IConn interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// IDB is a common interface for *bun.DB, bun.Conn, and bun.Tx.
type IDB interface {
	IConn
	Dialect() schema.Dialect

	NewValues(model any) *ValuesQuery
	NewSelect() *SelectQuery
	NewInsert() *InsertQuery
	NewUpdate() *UpdateQuery
	NewDelete() *DeleteQuery
	NewMerge() *MergeQuery
	NewRaw(query string, args ...any) *RawQuery
	NewCreateTable() *CreateTableQuery
	NewDropTable() *DropTableQuery
	NewCreateIndex() *CreateIndexQuery
	NewDropIndex() *DropIndexQuery
	NewTruncateTable() *TruncateTableQuery
	NewAddColumn() *AddColumnQuery
	NewDropColumn() *DropColumnQuery

	BeginTx(ctx context.Context, opts *sql.TxOptions) (Tx, error)
	RunInTx(ctx context.Context, opts *sql.TxOptions, f func(ctx context.Context, tx Tx) error) error
}

// QueryHook is called before and after each query.
type QueryHook interface {
	BeforeQuery(context.Context, *QueryEvent) context.Context
	AfterQuery(context.Context, *QueryEvent)
}

type QueryEvent struct {
	DB *DB

	IQuery        Query
	Query         string
	QueryTemplate string
	QueryArgs     []any

	StartTime time.Time
	Result    sql.Result
	Err       error
}

type DBStats struct {
	Queries uint32
	Errors  uint32
}

type DBOption func(db *DB)

// DB is the central access point for building and executing queries.
type DB struct {
	*noCopyState

	queryHooks []QueryHook
}

type noCopyState struct {
	*sql.DB
	dialect schema.Dialect
}

type Conn struct {
	db *DB
	*sql.Conn
}

type Stmt struct {
	*sql.Stmt
}

type Tx struct {
	ctx context.Context
	db  *DB
	// name is the name of a savepoint
	name string
	*sql.Tx
}

func NewDB(sqldb *sql.DB, dialect schema.Dialect, opts ...DBOption) *DB { panic("stub") }

func (db *DB) AddQueryHook(hook QueryHook) { panic("stub") }

func (db *DB) Begin() (Tx, error) { panic("stub") }

func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (Tx, error) { panic("stub") }

func (db *DB) Close() error { panic("stub") }

func (db *DB) Conn(ctx context.Context) (Conn, error) { panic("stub") }

func (db *DB) DBStats() DBStats { panic("stub") }

func (db *DB) Dialect() schema.Dialect { panic("stub") }

func (db *DB) Exec(query string, args ...any) (sql.Result, error) { panic("stub") }

func (db *DB) ExecContext(

	ctx context.Context, query string, args ...any,

) (sql.Result, error) {
	panic("stub")
}

func (db *DB) NewAddColumn() *AddColumnQuery { panic("stub") }

func (db *DB) NewCreateIndex() *CreateIndexQuery { panic("stub") }

func (db *DB) NewCreateTable() *CreateTableQuery { panic("stub") }

func (db *DB) NewDelete() *DeleteQuery { panic("stub") }

func (db *DB) NewDropColumn() *DropColumnQuery { panic("stub") }

func (db *DB) NewDropIndex() *DropIndexQuery { panic("stub") }

func (db *DB) NewDropTable() *DropTableQuery { panic("stub") }

func (db *DB) NewInsert() *InsertQuery { panic("stub") }

func (db *DB) NewMerge() *MergeQuery { panic("stub") }

func (db *DB) NewRaw(query string, args ...any) *RawQuery { panic("stub") }

func (db *DB) NewSelect() *SelectQuery { panic("stub") }

func (db *DB) NewTruncateTable() *TruncateTableQuery { panic("stub") }

func (db *DB) NewUpdate() *UpdateQuery { panic("stub") }

func (db *DB) NewValues(model any) *ValuesQuery { panic("stub") }

func (db *DB) Prepare(query string) (Stmt, error) { panic("stub") }

func (db *DB) PrepareContext(ctx context.Context, query string) (Stmt, error) { panic("stub") }

func (db *DB) Query(query string, args ...any) (*sql.Rows, error) { panic("stub") }

func (db *DB) QueryContext(

	ctx context.Context, query string, args ...any,

) (*sql.Rows, error) {
	panic("stub")
}

func (db *DB) QueryRow(query string, args ...any) *sql.Row { panic("stub") }

func (db *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row { panic("stub") }

func (db *DB) RegisterModel(models ...any) { panic("stub") }

func (db *DB) ResetModel(ctx context.Context, models ...any) error { panic("stub") }

func (db *DB) ResetQueryHooks() { panic("stub") }

func (db *DB) RunInTx(

	ctx context.Context, opts *sql.TxOptions, fn func(ctx context.Context, tx Tx) error,

) error {
	panic("stub")
}

func (db *DB) ScanRow(ctx context.Context, rows *sql.Rows, dest ...any) error { panic("stub") }

func (db *DB) ScanRows(ctx context.Context, rows *sql.Rows, dest ...any) error { panic("stub") }

func (db *DB) String() string { panic("stub") }

func (db *DB) WithNamedArg(name string, value any) *DB { panic("stub") }

func (db *DB) WithQueryHook(hook QueryHook) *DB { panic("stub") }

func (c Conn) BeginTx(ctx context.Context, opts *sql.TxOptions) (Tx, error) { panic("stub") }

func (c Conn) Dialect() schema.Dialect { panic("stub") }

func (c Conn) ExecContext(

	ctx context.Context, query string, args ...any,

) (sql.Result, error) {
	panic("stub")
}

func (c Conn) NewAddColumn() *AddColumnQuery { panic("stub") }

func (c Conn) NewCreateIndex() *CreateIndexQuery { panic("stub") }

func (c Conn) NewCreateTable() *CreateTableQuery { panic("stub") }

func (c Conn) NewDelete() *DeleteQuery { panic("stub") }

func (c Conn) NewDropColumn() *DropColumnQuery { panic("stub") }

func (c Conn) NewDropIndex() *DropIndexQuery { panic("stub") }

func (c Conn) NewDropTable() *DropTableQuery { panic("stub") }

func (c Conn) NewInsert() *InsertQuery { panic("stub") }

func (c Conn) NewMerge() *MergeQuery { panic("stub") }

func (c Conn) NewRaw(query string, args ...any) *RawQuery { panic("stub") }

func (c Conn) NewSelect() *SelectQuery { panic("stub") }

func (c Conn) NewTruncateTable() *TruncateTableQuery { panic("stub") }

func (c Conn) NewUpdate() *UpdateQuery { panic("stub") }

func (c Conn) NewValues(model any) *ValuesQuery { panic("stub") }

func (c Conn) QueryContext(

	ctx context.Context, query string, args ...any,

) (*sql.Rows, error) {
	panic("stub")
}

func (c Conn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row { panic("stub") }

func (c Conn) RunInTx(

	ctx context.Context, opts *sql.TxOptions, fn func(ctx context.Context, tx Tx) error,

) error {
	panic("stub")
}

func (tx Tx) Begin() (Tx, error) { panic("stub") }

func (tx Tx) BeginTx(ctx context.Context, _ *sql.TxOptions) (Tx, error) { panic("stub") }

func (tx Tx) Commit() error { panic("stub") }

func (tx Tx) Dialect() schema.Dialect { panic("stub") }

func (tx Tx) Exec(query string, args ...any) (sql.Result, error) { panic("stub") }

func (tx Tx) ExecContext(

	ctx context.Context, query string, args ...any,

) (sql.Result, error) {
	panic("stub")
}

func (tx Tx) NewAddColumn() *AddColumnQuery { panic("stub") }

func (tx Tx) NewCreateIndex() *CreateIndexQuery { panic("stub") }

func (tx Tx) NewCreateTable() *CreateTableQuery { panic("stub") }

func (tx Tx) NewDelete() *DeleteQuery { panic("stub") }

func (tx Tx) NewDropColumn() *DropColumnQuery { panic("stub") }

func (tx Tx) NewDropIndex() *DropIndexQuery { panic("stub") }

func (tx Tx) NewDropTable() *DropTableQuery { panic("stub") }

func (tx Tx) NewInsert() *InsertQuery { panic("stub") }

func (tx Tx) NewMerge() *MergeQuery { panic("stub") }

func (tx Tx) NewRaw(query string, args ...any) *RawQuery { panic("stub") }

func (tx Tx) NewSelect() *SelectQuery { panic("stub") }

func (tx Tx) NewTruncateTable() *TruncateTableQuery { panic("stub") }

func (tx Tx) NewUpdate() *UpdateQuery { panic("stub") }

func (tx Tx) NewValues(model any) *ValuesQuery { panic("stub") }

func (tx Tx) Query(query string, args ...any) (*sql.Rows, error) { panic("stub") }

func (tx Tx) QueryContext(

	ctx context.Context, query string, args ...any,

) (*sql.Rows, error) {
	panic("stub")
}

func (tx Tx) QueryRow(query string, args ...any) *sql.Row { panic("stub") }

func (tx Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row { panic("stub") }

func (tx Tx) Rollback() error { panic("stub") }

func (tx Tx) RunInTx(

	ctx context.Context, _ *sql.TxOptions, fn func(ctx context.Context, tx Tx) error,

) error {
	panic("stub")
}
