// Package orm is a stub of beego v2's ORM API for tests.
package orm

import (
	"context"
	"database/sql"
)

type Params map[string]interface{}

type DML interface {
	Insert(md interface{}) (int64, error)
	InsertWithCtx(ctx context.Context, md interface{}) (int64, error)
	InsertOrUpdate(md interface{}, colConflitAndArgs ...string) (int64, error)
	InsertMulti(bulk int, mds interface{}) (int64, error)
	Update(md interface{}, cols ...string) (int64, error)
	UpdateWithCtx(ctx context.Context, md interface{}, cols ...string) (int64, error)
	Delete(md interface{}, cols ...string) (int64, error)
	Raw(query string, args ...interface{}) RawSeter
	RawWithCtx(ctx context.Context, query string, args ...interface{}) RawSeter
}

type DQL interface {
	Read(md interface{}, cols ...string) error
	ReadWithCtx(ctx context.Context, md interface{}, cols ...string) error
	ReadOrCreate(md interface{}, col1 string, cols ...string) (bool, int64, error)
	LoadRelated(md interface{}, name string, args ...interface{}) (int64, error)
	QueryM2M(md interface{}, name string) QueryM2Mer
	QueryTable(ptrStructOrTableName interface{}) QuerySeter
	QueryTableWithCtx(ctx context.Context, ptrStructOrTableName interface{}) QuerySeter
	DBStats() *sql.DBStats
}

type ormer interface {
	DQL
	DML
}

type QueryExecutor interface{ ormer }

type TxOrmer interface {
	QueryExecutor
	Commit() error
	Rollback() error
}

type Ormer interface {
	QueryExecutor
	Begin() (TxOrmer, error)
}

type QuerySeter interface {
	Filter(string, ...interface{}) QuerySeter
	Exclude(string, ...interface{}) QuerySeter
	Limit(limit interface{}, args ...interface{}) QuerySeter
	Offset(offset interface{}) QuerySeter
	OrderBy(exprs ...string) QuerySeter
	Distinct() QuerySeter
	RelatedSel(params ...interface{}) QuerySeter
	Count() (int64, error)
	CountWithCtx(context.Context) (int64, error)
	Exist() bool
	Update(values Params) (int64, error)
	Delete() (int64, error)
	All(container interface{}, cols ...string) (int64, error)
	AllWithCtx(ctx context.Context, container interface{}, cols ...string) (int64, error)
	One(container interface{}, cols ...string) error
	Values(results *[]Params, exprs ...string) (int64, error)
	ValuesFlat(result *[]interface{}, expr string) (int64, error)
}

type QueryM2Mer interface {
	Add(...interface{}) (int64, error)
	Remove(...interface{}) (int64, error)
	Exist(interface{}) bool
	Clear() (int64, error)
	Count() (int64, error)
}

type RawSeter interface {
	Exec() (sql.Result, error)
	QueryRow(containers ...interface{}) error
	QueryRows(containers ...interface{}) (int64, error)
	SetArgs(...interface{}) RawSeter
	Values(container *[]Params, cols ...string) (int64, error)
}

func NewOrm() Ormer { return nil }

func RegisterModel(models ...interface{}) {}
