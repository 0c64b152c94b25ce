// Stub of github.com/jinzhu/gorm (signatures mirror v1.9.16; bodies are placeholders).

package gorm

import (
	"database/sql"
	"time"
)

// DB contains information for current db connection
type DB struct {
	Value        interface{}
	Error        error
	RowsAffected int64
}

// Model base model definition, including fields `ID`, `CreatedAt`, `UpdatedAt`, `DeletedAt`, which could be embedded in your models
type Model struct {
	ID        uint `gorm:"primary_key"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time `sql:"index"`
}

// SqlExpr is the type of an expression written as SQL.
type SqlExpr struct {
	expr string
	args []interface{}
}

// Expr generate raw SQL expression, for example:
func Expr(expression string, args ...interface{}) *SqlExpr { panic("stub") }

// ErrRecordNotFound returns a "record not found error".
var ErrRecordNotFound error

// Open initialize a new db connection, need to import driver first
func Open(dialect string, args ...interface{}) (db *DB, err error) { panic("stub") }

func (s *DB) Close() error                                            { panic("stub") }
func (s *DB) DB() *sql.DB                                             { panic("stub") }
func (s *DB) New() *DB                                                { panic("stub") }
func (s *DB) LogMode(enable bool) *DB                                 { panic("stub") }
func (s *DB) Where(query interface{}, args ...interface{}) *DB        { panic("stub") }
func (s *DB) Or(query interface{}, args ...interface{}) *DB           { panic("stub") }
func (s *DB) Not(query interface{}, args ...interface{}) *DB          { panic("stub") }
func (s *DB) Limit(limit interface{}) *DB                             { panic("stub") }
func (s *DB) Offset(offset interface{}) *DB                           { panic("stub") }
func (s *DB) Order(value interface{}, reorder ...bool) *DB            { panic("stub") }
func (s *DB) Select(query interface{}, args ...interface{}) *DB       { panic("stub") }
func (s *DB) Omit(columns ...string) *DB                              { panic("stub") }
func (s *DB) Group(query string) *DB                                  { panic("stub") }
func (s *DB) Having(query interface{}, values ...interface{}) *DB     { panic("stub") }
func (s *DB) Joins(query string, args ...interface{}) *DB             { panic("stub") }
func (s *DB) Scopes(funcs ...func(*DB) *DB) *DB                       { panic("stub") }
func (s *DB) Unscoped() *DB                                           { panic("stub") }
func (s *DB) First(out interface{}, where ...interface{}) *DB         { panic("stub") }
func (s *DB) Take(out interface{}, where ...interface{}) *DB          { panic("stub") }
func (s *DB) Last(out interface{}, where ...interface{}) *DB          { panic("stub") }
func (s *DB) Find(out interface{}, where ...interface{}) *DB          { panic("stub") }
func (s *DB) Scan(dest interface{}) *DB                               { panic("stub") }
func (s *DB) Row() *sql.Row                                           { panic("stub") }
func (s *DB) Rows() (*sql.Rows, error)                                { panic("stub") }
func (s *DB) ScanRows(rows *sql.Rows, result interface{}) error       { panic("stub") }
func (s *DB) Pluck(column string, value interface{}) *DB              { panic("stub") }
func (s *DB) Count(value interface{}) *DB                             { panic("stub") }
func (s *DB) Related(value interface{}, foreignKeys ...string) *DB    { panic("stub") }
func (s *DB) FirstOrInit(out interface{}, where ...interface{}) *DB   { panic("stub") }
func (s *DB) FirstOrCreate(out interface{}, where ...interface{}) *DB { panic("stub") }
func (s *DB) Update(attrs ...interface{}) *DB                         { panic("stub") }
func (s *DB) Updates(values interface{}, ignoreProtectedAttrs ...bool) *DB {
	panic("stub")
}
func (s *DB) UpdateColumn(attrs ...interface{}) *DB                  { panic("stub") }
func (s *DB) UpdateColumns(values interface{}) *DB                   { panic("stub") }
func (s *DB) Save(value interface{}) *DB                             { panic("stub") }
func (s *DB) Create(value interface{}) *DB                           { panic("stub") }
func (s *DB) Delete(value interface{}, where ...interface{}) *DB     { panic("stub") }
func (s *DB) Raw(sql string, values ...interface{}) *DB              { panic("stub") }
func (s *DB) Exec(sql string, values ...interface{}) *DB             { panic("stub") }
func (s *DB) Model(value interface{}) *DB                            { panic("stub") }
func (s *DB) Table(name string) *DB                                  { panic("stub") }
func (s *DB) Debug() *DB                                             { panic("stub") }
func (s *DB) Begin() *DB                                             { panic("stub") }
func (s *DB) Commit() *DB                                            { panic("stub") }
func (s *DB) Rollback() *DB                                          { panic("stub") }
func (s *DB) CreateTable(models ...interface{}) *DB                  { panic("stub") }
func (s *DB) AutoMigrate(values ...interface{}) *DB                  { panic("stub") }
func (s *DB) Preload(column string, conditions ...interface{}) *DB   { panic("stub") }
func (s *DB) Set(name string, value interface{}) *DB                 { panic("stub") }
func (s *DB) AddIndex(indexName string, columns ...string) *DB       { panic("stub") }
func (s *DB) AddUniqueIndex(indexName string, columns ...string) *DB { panic("stub") }
