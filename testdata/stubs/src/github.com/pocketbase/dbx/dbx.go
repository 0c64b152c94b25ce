// Stub of github.com/pocketbase/dbx (signatures mirror v1.12.0; bodies are placeholders).

package dbx

import (
	"context"
	"database/sql"
)

type Params map[string]interface{}

type Expression interface {
	Build(*DB, Params) string
}

type HashExp map[string]interface{}

func (e HashExp) Build(db *DB, params Params) string { panic("stub") }

type Exp struct{}

func (e *Exp) Build(db *DB, params Params) string { panic("stub") }

func NewExp(e string, params ...Params) Expression { panic("stub") }
func And(exps ...Expression) Expression            { panic("stub") }
func Or(exps ...Expression) Expression             { panic("stub") }
func In(col string, values ...interface{}) Expression {
	panic("stub")
}

type Builder interface {
	NewQuery(string) *Query
	Select(...string) *SelectQuery
	Insert(table string, cols Params) *Query
	Upsert(table string, cols Params, constraints ...string) *Query
	Update(table string, cols Params, where Expression) *Query
	Delete(table string, where Expression) *Query
	CreateIndex(table, name string, cols ...string) *Query
}

type DB struct {
	Builder
}

func Open(driverName, dsn string) (*DB, error)                               { panic("stub") }
func (db *DB) WithContext(ctx context.Context) *DB                           { panic("stub") }
func (db *DB) Begin() (*Tx, error)                                           { panic("stub") }
func (db *DB) Transactional(f func(*Tx) error) (err error)                   { panic("stub") }
func (db *DB) DB() *sql.DB                                                   { panic("stub") }
func (db *DB) Close() error                                                  { panic("stub") }
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) { panic("stub") }
func (db *DB) QuoteTableName(s string) string                                { panic("stub") }
func (db *DB) QuoteColumnName(s string) string                               { panic("stub") }

type Tx struct {
	Builder
}

func (t *Tx) Commit() error   { panic("stub") }
func (t *Tx) Rollback() error { panic("stub") }

type Rows struct{ *sql.Rows }

func (r *Rows) ScanMap(a NullStringMap) error  { panic("stub") }
func (r *Rows) ScanStruct(a interface{}) error { panic("stub") }

type NullStringMap map[string]sql.NullString

type Query struct{}

func (q *Query) SQL() string                            { panic("stub") }
func (q *Query) WithContext(ctx context.Context) *Query { panic("stub") }
func (q *Query) Params() Params                         { panic("stub") }
func (q *Query) Prepare() *Query                        { panic("stub") }
func (q *Query) Close() error                           { panic("stub") }
func (q *Query) Bind(params Params) *Query              { panic("stub") }
func (q *Query) Execute() (sql.Result, error)           { panic("stub") }
func (q *Query) One(a interface{}) error                { panic("stub") }
func (q *Query) All(slice interface{}) error            { panic("stub") }
func (q *Query) Row(a ...interface{}) error             { panic("stub") }
func (q *Query) Column(a interface{}) error             { panic("stub") }
func (q *Query) Rows() (rows *Rows, err error)          { panic("stub") }

type SelectQuery struct{}

func (s *SelectQuery) WithContext(ctx context.Context) *SelectQuery { panic("stub") }
func (s *SelectQuery) Select(cols ...string) *SelectQuery           { panic("stub") }
func (s *SelectQuery) AndSelect(cols ...string) *SelectQuery        { panic("stub") }
func (s *SelectQuery) Distinct(v bool) *SelectQuery                 { panic("stub") }
func (s *SelectQuery) From(tables ...string) *SelectQuery           { panic("stub") }
func (s *SelectQuery) Where(e Expression) *SelectQuery              { panic("stub") }
func (s *SelectQuery) AndWhere(e Expression) *SelectQuery           { panic("stub") }
func (s *SelectQuery) OrWhere(e Expression) *SelectQuery            { panic("stub") }
func (s *SelectQuery) Join(typ string, table string, on Expression) *SelectQuery {
	panic("stub")
}
func (s *SelectQuery) InnerJoin(table string, on Expression) *SelectQuery { panic("stub") }
func (s *SelectQuery) LeftJoin(table string, on Expression) *SelectQuery  { panic("stub") }
func (s *SelectQuery) RightJoin(table string, on Expression) *SelectQuery { panic("stub") }
func (s *SelectQuery) OrderBy(cols ...string) *SelectQuery                { panic("stub") }
func (s *SelectQuery) AndOrderBy(cols ...string) *SelectQuery             { panic("stub") }
func (s *SelectQuery) GroupBy(cols ...string) *SelectQuery                { panic("stub") }
func (s *SelectQuery) AndGroupBy(cols ...string) *SelectQuery             { panic("stub") }
func (s *SelectQuery) Having(e Expression) *SelectQuery                   { panic("stub") }
func (s *SelectQuery) Limit(limit int64) *SelectQuery                     { panic("stub") }
func (s *SelectQuery) Offset(offset int64) *SelectQuery                   { panic("stub") }
func (s *SelectQuery) Bind(params Params) *SelectQuery                    { panic("stub") }
func (s *SelectQuery) AndBind(params Params) *SelectQuery                 { panic("stub") }
func (s *SelectQuery) Build() *Query                                      { panic("stub") }
func (s *SelectQuery) One(a interface{}) error                            { panic("stub") }
func (s *SelectQuery) All(slice interface{}) error                        { panic("stub") }
func (s *SelectQuery) Rows() (*Rows, error)                               { panic("stub") }
func (s *SelectQuery) Row(a ...interface{}) error                         { panic("stub") }
func (s *SelectQuery) Column(a interface{}) error                         { panic("stub") }
