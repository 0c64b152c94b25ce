// Stub of gorm.io/gorm (signatures mirror v1.31.2; bodies are placeholders).

package gorm

import "database/sql"

func (db *DB) Create(value interface{}) (tx *DB) { panic("stub") }

func (db *DB) CreateInBatches(value interface{}, batchSize int) (tx *DB) { panic("stub") }

func (db *DB) Save(value interface{}) (tx *DB) { panic("stub") }

func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Take(dest interface{}, conds ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Last(dest interface{}, conds ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) FindInBatches(dest interface{}, batchSize int, fc func(tx *DB, batch int) error) *DB {
	panic("stub")
}

func (db *DB) FirstOrInit(dest interface{}, conds ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Update(column string, value interface{}) (tx *DB) { panic("stub") }

func (db *DB) Updates(values interface{}) (tx *DB) { panic("stub") }

func (db *DB) UpdateColumn(column string, value interface{}) (tx *DB) { panic("stub") }

func (db *DB) UpdateColumns(values interface{}) (tx *DB) { panic("stub") }

func (db *DB) Delete(value interface{}, conds ...interface{}) (tx *DB) { panic("stub") }

func (db *DB) Count(count *int64) (tx *DB) { panic("stub") }

func (db *DB) Row() *sql.Row { panic("stub") }

func (db *DB) Rows() (*sql.Rows, error) { panic("stub") }

func (db *DB) Scan(dest interface{}) (tx *DB) { panic("stub") }

func (db *DB) Pluck(column string, dest interface{}) (tx *DB) { panic("stub") }

func (db *DB) ScanRows(rows *sql.Rows, dest interface{}) error { panic("stub") }

func (db *DB) Connection(fc func(tx *DB) error) (err error) { panic("stub") }

func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) (err error) { panic("stub") }

func (db *DB) Begin(opts ...*sql.TxOptions) *DB { panic("stub") }

func (db *DB) Commit() *DB { panic("stub") }

func (db *DB) Rollback() *DB { panic("stub") }

func (db *DB) SavePoint(name string) *DB { panic("stub") }

func (db *DB) RollbackTo(name string) *DB { panic("stub") }

func (db *DB) Exec(sql string, values ...interface{}) (tx *DB) { panic("stub") }
