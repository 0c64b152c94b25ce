// Stub of gorm.io/gorm (signatures mirror v1.31.2; bodies are placeholders).

package gorm

import "gorm.io/gorm/clause"

func (db *DB) Model(value interface{}) (tx *DB) { panic("stub") }

func (db *DB) Clauses(conds ...clause.Expression) (tx *DB) { panic("stub") }

func (db *DB) Table(name string, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Distinct(args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Select(query interface{}, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Omit(columns ...string) (tx *DB) { panic("stub") }

func (db *DB) MapColumns(m map[string]string) (tx *DB) { panic("stub") }

func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Not(query interface{}, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Or(query interface{}, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Joins(query string, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) InnerJoins(query string, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Group(name string) (tx *DB) { panic("stub") }

func (db *DB) Having(query interface{}, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Order(value interface{}) (tx *DB) { panic("stub") }

func (db *DB) Limit(limit int) (tx *DB) { panic("stub") }

func (db *DB) Offset(offset int) (tx *DB) { panic("stub") }

func (db *DB) Scopes(funcs ...func(*DB) *DB) (tx *DB) { panic("stub") }

func (db *DB) Preload(query string, args ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Attrs(attrs ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Assign(attrs ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Unscoped() (tx *DB) { panic("stub") }

func (db *DB) Raw(sql string, values ...interface{}) (tx *DB) { panic("stub") }
