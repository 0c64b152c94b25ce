// Stub of github.com/jmoiron/sqlx (signatures mirror v1.4.0; bodies are placeholders).

package sqlx

import (
	"database/sql"
	"strings"

	"github.com/jmoiron/sqlx/reflectx"
)

type binder interface {
	DriverName() string
	Rebind(string) string
	BindNamed(string, interface{}) (string, []interface{}, error)
}

type rowsi interface {
	Close() error
	Columns() ([]string, error)
	Err() error
	Next() bool
	Scan(...interface{}) error
}

var NameMapper = strings.ToLower

type ColScanner interface {
	Columns() ([]string, error)
	Scan(dest ...interface{}) error
	Err() error
}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type Ext interface {
	binder
	Queryer
	Execer
}

type Preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

type Row struct {
	err    error
	unsafe bool
	rows   *sql.Rows
	Mapper *reflectx.Mapper
}

func (r *Row) Scan(dest ...interface{}) error { panic("stub") }

func (r *Row) Columns() ([]string, error) { panic("stub") }

func (r *Row) ColumnTypes() ([]*sql.ColumnType, error) { panic("stub") }

func (r *Row) Err() error { panic("stub") }

type DB struct {
	*sql.DB

	Mapper *reflectx.Mapper
}

func NewDb(db *sql.DB, driverName string) *DB { panic("stub") }

func (db *DB) DriverName() string { panic("stub") }

func Open(driverName, dataSourceName string) (*DB, error) { panic("stub") }

func MustOpen(driverName, dataSourceName string) *DB { panic("stub") }

func (db *DB) MapperFunc(mf func(string) string) { panic("stub") }

func (db *DB) Rebind(query string) string { panic("stub") }

func (db *DB) Unsafe() *DB { panic("stub") }

func (db *DB) BindNamed(query string, arg interface{}) (string, []interface{}, error) { panic("stub") }

func (db *DB) NamedQuery(query string, arg interface{}) (*Rows, error) { panic("stub") }

func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) { panic("stub") }

func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (db *DB) MustBegin() *Tx { panic("stub") }

func (db *DB) Beginx() (*Tx, error) { panic("stub") }

func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error) { panic("stub") }

func (db *DB) QueryRowx(query string, args ...interface{}) *Row { panic("stub") }

func (db *DB) MustExec(query string, args ...interface{}) sql.Result { panic("stub") }

func (db *DB) Preparex(query string) (*Stmt, error) { panic("stub") }

func (db *DB) PrepareNamed(query string) (*NamedStmt, error) { panic("stub") }

type Conn struct {
	*sql.Conn

	Mapper *reflectx.Mapper
}

type Tx struct {
	*sql.Tx

	Mapper *reflectx.Mapper
}

func (tx *Tx) DriverName() string { panic("stub") }

func (tx *Tx) Rebind(query string) string { panic("stub") }

func (tx *Tx) Unsafe() *Tx { panic("stub") }

func (tx *Tx) BindNamed(query string, arg interface{}) (string, []interface{}, error) { panic("stub") }

func (tx *Tx) NamedQuery(query string, arg interface{}) (*Rows, error) { panic("stub") }

func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error) { panic("stub") }

func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (tx *Tx) Queryx(query string, args ...interface{}) (*Rows, error) { panic("stub") }

func (tx *Tx) QueryRowx(query string, args ...interface{}) *Row { panic("stub") }

func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result { panic("stub") }

func (tx *Tx) Preparex(query string) (*Stmt, error) { panic("stub") }

func (tx *Tx) Stmtx(stmt interface{}) *Stmt { panic("stub") }

func (tx *Tx) NamedStmt(stmt *NamedStmt) *NamedStmt { panic("stub") }

func (tx *Tx) PrepareNamed(query string) (*NamedStmt, error) { panic("stub") }

type Stmt struct {
	*sql.Stmt

	Mapper *reflectx.Mapper
}

func (s *Stmt) Unsafe() *Stmt { panic("stub") }

func (s *Stmt) Select(dest interface{}, args ...interface{}) error { panic("stub") }

func (s *Stmt) Get(dest interface{}, args ...interface{}) error { panic("stub") }

func (s *Stmt) MustExec(args ...interface{}) sql.Result { panic("stub") }

func (s *Stmt) QueryRowx(args ...interface{}) *Row { panic("stub") }

func (s *Stmt) Queryx(args ...interface{}) (*Rows, error) { panic("stub") }

type Rows struct {
	*sql.Rows

	Mapper *reflectx.Mapper
}

func (r *Rows) SliceScan() ([]interface{}, error) { panic("stub") }

func (r *Rows) MapScan(dest map[string]interface{}) error { panic("stub") }

func (r *Rows) StructScan(dest interface{}) error { panic("stub") }

func Connect(driverName, dataSourceName string) (*DB, error) { panic("stub") }

func MustConnect(driverName, dataSourceName string) *DB { panic("stub") }

func Preparex(p Preparer, query string) (*Stmt, error) { panic("stub") }

func Select(q Queryer, dest interface{}, query string, args ...interface{}) error { panic("stub") }

func Get(q Queryer, dest interface{}, query string, args ...interface{}) error { panic("stub") }

func LoadFile(e Execer, path string) (*sql.Result, error) { panic("stub") }

func MustExec(e Execer, query string, args ...interface{}) sql.Result { panic("stub") }

func (r *Row) SliceScan() ([]interface{}, error) { panic("stub") }

func (r *Row) MapScan(dest map[string]interface{}) error { panic("stub") }

func (r *Row) StructScan(dest interface{}) error { panic("stub") }

func SliceScan(r ColScanner) ([]interface{}, error) { panic("stub") }

func MapScan(r ColScanner, dest map[string]interface{}) error { panic("stub") }

func StructScan(rows rowsi, dest interface{}) error { panic("stub") }
