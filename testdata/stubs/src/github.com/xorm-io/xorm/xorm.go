// Stub of github.com/xorm-io/xorm, a fork of xorm v1.1 (signatures mirror
// v1.1.6: Get and Delete take one bean, OrderBy a string; bodies are
// placeholders).

package xorm

import (
	"context"
	"database/sql"
)

// Engine is the database handle; each of its statement methods starts
// a Session.
type Engine struct{}

// Session holds one statement until a finisher sends it.
type Session struct{}

type EngineGroup struct{ *Engine }

type IterFunc func(idx int, bean interface{}) error

func NewEngine(driverName string, dataSourceName string) (*Engine, error) { panic("stub") }

func (engine *Engine) NewSession() *Session                                    { panic("stub") }
func (engine *Engine) Context(ctx context.Context) *Session                    { panic("stub") }
func (engine *Engine) Where(query interface{}, args ...interface{}) *Session   { panic("stub") }
func (engine *Engine) ID(id interface{}) *Session                              { panic("stub") }
func (engine *Engine) Table(tableNameOrBean interface{}) *Session              { panic("stub") }
func (engine *Engine) SQL(query interface{}, args ...interface{}) *Session     { panic("stub") }
func (engine *Engine) In(column string, args ...interface{}) *Session          { panic("stub") }
func (engine *Engine) Cols(columns ...string) *Session                         { panic("stub") }
func (engine *Engine) Get(bean interface{}) (bool, error)                      { panic("stub") }
func (engine *Engine) Find(beans interface{}, condiBeans ...interface{}) error { panic("stub") }
func (engine *Engine) Count(bean ...interface{}) (int64, error)                { panic("stub") }
func (engine *Engine) Exist(bean ...interface{}) (bool, error)                 { panic("stub") }
func (engine *Engine) Insert(beans ...interface{}) (int64, error)              { panic("stub") }
func (engine *Engine) InsertOne(bean interface{}) (int64, error)               { panic("stub") }
func (engine *Engine) Update(bean interface{}, condiBeans ...interface{}) (int64, error) {
	panic("stub")
}
func (engine *Engine) Delete(bean interface{}) (int64, error)                      { panic("stub") }
func (engine *Engine) Exec(sqlOrArgs ...interface{}) (sql.Result, error)           { panic("stub") }
func (engine *Engine) Query(sqlOrArgs ...interface{}) ([]map[string][]byte, error) { panic("stub") }
func (engine *Engine) QueryString(sqlOrArgs ...interface{}) ([]map[string]string, error) {
	panic("stub")
}
func (engine *Engine) Sync(beans ...interface{}) error  { panic("stub") }
func (engine *Engine) Sync2(beans ...interface{}) error { panic("stub") }
func (engine *Engine) Transaction(f func(*Session) (interface{}, error)) (interface{}, error) {
	panic("stub")
}

func (session *Session) Close() error                                          { panic("stub") }
func (session *Session) Begin() error                                          { panic("stub") }
func (session *Session) Commit() error                                         { panic("stub") }
func (session *Session) Rollback() error                                       { panic("stub") }
func (session *Session) Context(ctx context.Context) *Session                  { panic("stub") }
func (session *Session) Where(query interface{}, args ...interface{}) *Session { panic("stub") }
func (session *Session) And(query interface{}, args ...interface{}) *Session   { panic("stub") }
func (session *Session) Or(query interface{}, args ...interface{}) *Session    { panic("stub") }
func (session *Session) ID(id interface{}) *Session                            { panic("stub") }
func (session *Session) In(column string, args ...interface{}) *Session        { panic("stub") }
func (session *Session) NotIn(column string, args ...interface{}) *Session     { panic("stub") }
func (session *Session) Table(tableNameOrBean interface{}) *Session            { panic("stub") }
func (session *Session) Alias(alias string) *Session                           { panic("stub") }
func (session *Session) Join(joinOperator string, tablename interface{}, condition interface{}, args ...interface{}) *Session {
	panic("stub")
}
func (session *Session) Select(str string) *Session                                    { panic("stub") }
func (session *Session) Cols(columns ...string) *Session                               { panic("stub") }
func (session *Session) MustCols(columns ...string) *Session                           { panic("stub") }
func (session *Session) Omit(columns ...string) *Session                               { panic("stub") }
func (session *Session) Distinct(columns ...string) *Session                           { panic("stub") }
func (session *Session) UseBool(columns ...string) *Session                            { panic("stub") }
func (session *Session) Incr(column string, arg ...interface{}) *Session               { panic("stub") }
func (session *Session) Decr(column string, arg ...interface{}) *Session               { panic("stub") }
func (session *Session) SetExpr(column string, expression interface{}) *Session        { panic("stub") }
func (session *Session) OrderBy(order string) *Session                                 { panic("stub") }
func (session *Session) Desc(colNames ...string) *Session                              { panic("stub") }
func (session *Session) Asc(colNames ...string) *Session                               { panic("stub") }
func (session *Session) Limit(limit int, start ...int) *Session                        { panic("stub") }
func (session *Session) GroupBy(keys string) *Session                                  { panic("stub") }
func (session *Session) Having(conditions string) *Session                             { panic("stub") }
func (session *Session) Unscoped() *Session                                            { panic("stub") }
func (session *Session) NoAutoCondition(no ...bool) *Session                           { panic("stub") }
func (session *Session) ForUpdate() *Session                                           { panic("stub") }
func (session *Session) SQL(query interface{}, args ...interface{}) *Session           { panic("stub") }
func (session *Session) Get(bean interface{}) (bool, error)                            { panic("stub") }
func (session *Session) Find(rowsSlicePtr interface{}, condiBean ...interface{}) error { panic("stub") }
func (session *Session) FindAndCount(rowsSlicePtr interface{}, condiBean ...interface{}) (int64, error) {
	panic("stub")
}
func (session *Session) Count(bean ...interface{}) (int64, error)                  { panic("stub") }
func (session *Session) Exist(bean ...interface{}) (bool, error)                   { panic("stub") }
func (session *Session) Iterate(bean interface{}, fun IterFunc) error              { panic("stub") }
func (session *Session) Sum(bean interface{}, columnName string) (float64, error)  { panic("stub") }
func (session *Session) SumInt(bean interface{}, columnName string) (int64, error) { panic("stub") }
func (session *Session) Insert(beans ...interface{}) (int64, error)                { panic("stub") }
func (session *Session) InsertOne(bean interface{}) (int64, error)                 { panic("stub") }
func (session *Session) Update(bean interface{}, condiBean ...interface{}) (int64, error) {
	panic("stub")
}
func (session *Session) Delete(bean interface{}) (int64, error)                      { panic("stub") }
func (session *Session) Exec(sqlOrArgs ...interface{}) (sql.Result, error)           { panic("stub") }
func (session *Session) Query(sqlOrArgs ...interface{}) ([]map[string][]byte, error) { panic("stub") }
func (session *Session) Sync(beans ...interface{}) error                             { panic("stub") }
