// Stub of a package named xorm that is no fork of xorm: its methods
// share xorm's names but not its meaning.

package xorm

import "context"

type Engine struct{}

type Session struct{}

func (engine *Engine) Context(ctx context.Context) *Session                    { panic("stub") }
func (session *Session) Where(query interface{}, args ...interface{}) *Session { panic("stub") }
func (session *Session) Get(bean interface{}) (bool, error)                    { panic("stub") }
func (session *Session) Find(beans interface{}) error                          { panic("stub") }
