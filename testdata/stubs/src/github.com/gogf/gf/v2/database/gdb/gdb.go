// Package gdb is a stub of GoFrame's ORM (github.com/gogf/gf/v2/database/gdb):
// the calls sqlheat reads, with their real signatures.
package gdb

import (
	"context"
	"database/sql"
	"time"
)

type (
	Map    = map[string]interface{}
	List   = []Map
	Value  = interface{}
	Record map[string]interface{}
	Result []Record
)

// DB is gdb's handle.
type DB interface {
	Model(tableNameOrStruct ...interface{}) *Model
	Raw(rawSql string, args ...interface{}) *Model
	Ctx(ctx context.Context) DB
	Query(ctx context.Context, sql string, args ...interface{}) (Result, error)
	Exec(ctx context.Context, sql string, args ...interface{}) (sql.Result, error)
	GetAll(ctx context.Context, sql string, args ...interface{}) (Result, error)
	GetScan(ctx context.Context, objPointer interface{}, sql string, args ...interface{}) error
	Insert(ctx context.Context, table string, data interface{}, batch ...int) (sql.Result, error)
	Transaction(ctx context.Context, f func(ctx context.Context, tx TX) error) error
}

// TX is a transaction.
type TX interface {
	Model(tableNameQueryOrStruct ...interface{}) *Model
	Query(sql string, args ...interface{}) (result Result, err error)
	Exec(sql string, args ...interface{}) (sql.Result, error)
	Commit() error
	Rollback() error
}

// Model builds a statement.
type Model struct{}

func (m *Model) Ctx(ctx context.Context) *Model                             { return m }
func (m *Model) Safe(safe ...bool) *Model                                   { return m }
func (m *Model) TX(tx TX) *Model                                            { return m }
func (m *Model) Cache(option CacheOption) *Model                            { return m }
func (m *Model) Where(where interface{}, args ...interface{}) *Model        { return m }
func (m *Model) WhereOr(where interface{}, args ...interface{}) *Model      { return m }
func (m *Model) WherePri(where interface{}, args ...interface{}) *Model     { return m }
func (m *Model) WhereIn(column string, in interface{}) *Model               { return m }
func (m *Model) WhereLike(column string, like string) *Model                { return m }
func (m *Model) WhereGTE(column string, value interface{}) *Model           { return m }
func (m *Model) WhereNull(columns ...string) *Model                         { return m }
func (m *Model) WhereBetween(column string, min, max interface{}) *Model    { return m }
func (m *Model) Fields(fieldNamesOrMapStruct ...interface{}) *Model         { return m }
func (m *Model) FieldsEx(fieldNamesOrMapStruct ...interface{}) *Model       { return m }
func (m *Model) Order(orderBy ...interface{}) *Model                        { return m }
func (m *Model) OrderDesc(column string) *Model                             { return m }
func (m *Model) Group(groupBy ...string) *Model                             { return m }
func (m *Model) Limit(limit ...int) *Model                                  { return m }
func (m *Model) Page(page, limit int) *Model                                { return m }
func (m *Model) LeftJoin(tableOrSubQueryAndJoinConditions ...string) *Model { return m }
func (m *Model) Data(data ...interface{}) *Model                            { return m }
func (m *Model) With(objects ...interface{}) *Model                         { return m }
func (m *Model) LockUpdate() *Model                                         { return m }

func (m *Model) All(where ...interface{}) (Result, error)                          { return nil, nil }
func (m *Model) One(where ...interface{}) (Record, error)                          { return nil, nil }
func (m *Model) Value(fieldsAndWhere ...interface{}) (Value, error)                { return nil, nil }
func (m *Model) Array(fieldsAndWhere ...interface{}) ([]Value, error)              { return nil, nil }
func (m *Model) Scan(pointer interface{}, where ...interface{}) error              { return nil }
func (m *Model) Count(where ...interface{}) (int, error)                           { return 0, nil }
func (m *Model) Sum(column string) (float64, error)                                { return 0, nil }
func (m *Model) Insert(data ...interface{}) (result sql.Result, err error)         { return nil, nil }
func (m *Model) InsertAndGetId(data ...interface{}) (int64, error)                 { return 0, nil }
func (m *Model) Save(data ...interface{}) (result sql.Result, err error)           { return nil, nil }
func (m *Model) Update(dataAndWhere ...interface{}) (result sql.Result, err error) { return nil, nil }
func (m *Model) Increment(column string, amount interface{}) (sql.Result, error)   { return nil, nil }
func (m *Model) Delete(where ...interface{}) (result sql.Result, err error)        { return nil, nil }

// CacheOption caches a select.
type CacheOption struct {
	Duration time.Duration
	Name     string
	Force    bool
}
