// Package gen is a stub of gorm.io/gen: the DO its generated query
// objects embed, whose finishers send what gorm builds.
package gen

import (
	"database/sql"

	"gorm.io/gorm"
)

type Condition interface{ BeCond() interface{} }

type ResultInfo struct {
	RowsAffected int64
	Error        error
}

// Dao is the interface DO implements.
type Dao interface {
	Where(conds ...Condition) Dao
	First() (interface{}, error)
	Find() (interface{}, error)
	Create(value interface{}) error
	Delete() (ResultInfo, error)
}

type DO struct {
	db    *gorm.DB
	model interface{}
}

func (d *DO) UseDB(db *gorm.DB)                { d.db = db }
func (d *DO) UseModel(model interface{})       { d.model = model }
func (d *DO) Where(conds ...Condition) Dao     { return d }
func (d *DO) Order(columns ...interface{}) Dao { return d }
func (d *DO) Limit(limit int) Dao              { return d }
func (d *DO) Create(value interface{}) error   { return nil }
func (d *DO) CreateInBatches(value interface{}, batchSize int) error {
	return nil
}
func (d *DO) Save(value interface{}) error                  { return nil }
func (d *DO) First() (interface{}, error)                   { return nil, nil }
func (d *DO) Take() (interface{}, error)                    { return nil, nil }
func (d *DO) Last() (interface{}, error)                    { return nil, nil }
func (d *DO) Find() (interface{}, error)                    { return nil, nil }
func (d *DO) FirstOrCreate() (interface{}, error)           { return nil, nil }
func (d *DO) Updates(value interface{}) (ResultInfo, error) { return ResultInfo{}, nil }
func (d *DO) Delete() (ResultInfo, error)                   { return ResultInfo{}, nil }
func (d *DO) Count() (int64, error)                         { return 0, nil }
func (d *DO) Row() *sql.Row                                 { return nil }
func (d *DO) Scan(dest interface{}) error                   { return nil }
