// Package gdbdao is what `gf gen dao` writes for a table: a dao whose
// table field its constructor sets, a Ctx method starting a Model on it,
// and a Columns struct naming each column. Other packages' chains read
// the table through Ctx's fact, the columns through their fields'.
package gdbdao

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

type UserDao struct {
	table   string // want table:`fieldSQL\("users"\)`
	group   string // want group:`fieldSQL\("default"\)`
	columns UserColumns
}

type UserColumns struct {
	Id     string // want Id:`fieldSQL\("id"\)`
	Name   string // want Name:`fieldSQL\("name"\)`
	DeptId string // want DeptId:`fieldSQL\("dept_id"\)`
}

var userColumns = UserColumns{
	Id:     "id",
	Name:   "name",
	DeptId: "dept_id",
}

func NewUserDao() *UserDao {
	return &UserDao{
		group:   "default",
		table:   "users",
		columns: userColumns,
	}
}

var User = NewUserDao()

func (dao *UserDao) DB() gdb.DB { return g.DB(dao.group) }

func (dao *UserDao) Columns() UserColumns { return dao.columns }

func (dao *UserDao) Ctx(ctx context.Context) *gdb.Model { // want Ctx:`gdbModel\("users"\)`
	return dao.DB().Model(dao.table).Safe().Ctx(ctx)
}

// Active adds a condition: no plain model, no fact.
func (dao *UserDao) Active(ctx context.Context) *gdb.Model {
	return dao.Ctx(ctx).Where("active", true)
}
