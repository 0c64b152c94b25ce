// Stub of github.com/go-xorm/xorm, xorm before its move to xorm.io
// (signatures mirror v0.7.9, with its deprecated Id and Sql; bodies are
// placeholders).

package xorm

import "context"

type Engine struct{}

type Session struct{}

func (engine *Engine) Context(ctx context.Context) *Session                  { panic("stub") }
func (engine *Engine) Where(query interface{}, args ...interface{}) *Session { panic("stub") }
func (engine *Engine) ID(id interface{}) *Session                            { panic("stub") }
func (engine *Engine) Id(id interface{}) *Session                            { panic("stub") }
func (engine *Engine) SQL(query interface{}, args ...interface{}) *Session   { panic("stub") }
func (engine *Engine) Sql(querystring string, args ...interface{}) *Session  { panic("stub") }
func (engine *Engine) Get(bean interface{}) (bool, error)                    { panic("stub") }
func (engine *Engine) Sync2(beans ...interface{}) error                      { panic("stub") }

func (session *Session) Where(query interface{}, args ...interface{}) *Session { panic("stub") }
func (session *Session) Id(id interface{}) *Session                            { panic("stub") }
func (session *Session) Sql(query string, args ...interface{}) *Session        { panic("stub") }
func (session *Session) Get(bean interface{}) (bool, error)                    { panic("stub") }
func (session *Session) Find(rowsSlicePtr interface{}, condiBean ...interface{}) error {
	panic("stub")
}
