// Stub of github.com/jmoiron/sqlx (signatures mirror v1.4.0; bodies are placeholders).

package sqlx

import "database/sql"

type NamedStmt struct {
	Params      []string
	QueryString string
	Stmt        *Stmt
}

func (n *NamedStmt) Close() error { panic("stub") }

func (n *NamedStmt) Exec(arg interface{}) (sql.Result, error) { panic("stub") }

func (n *NamedStmt) Query(arg interface{}) (*sql.Rows, error) { panic("stub") }

func (n *NamedStmt) QueryRow(arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) MustExec(arg interface{}) sql.Result { panic("stub") }

func (n *NamedStmt) Queryx(arg interface{}) (*Rows, error) { panic("stub") }

func (n *NamedStmt) QueryRowx(arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) Select(dest interface{}, arg interface{}) error { panic("stub") }

func (n *NamedStmt) Get(dest interface{}, arg interface{}) error { panic("stub") }

func (n *NamedStmt) Unsafe() *NamedStmt { panic("stub") }

func BindNamed(bindType int, query string, arg interface{}) (string, []interface{}, error) {
	panic("stub")
}

func Named(query string, arg interface{}) (string, []interface{}, error) { panic("stub") }

func NamedQuery(e Ext, query string, arg interface{}) (*Rows, error) { panic("stub") }

func NamedExec(e Ext, query string, arg interface{}) (sql.Result, error) { panic("stub") }
