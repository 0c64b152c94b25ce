// Package orm is a stub of go-pg v10's orm: a model's query, built by
// its methods and sent by its finishers.
package orm

import "context"

type Result interface {
	RowsAffected() int
	RowsReturned() int
}

// DB is the interface of what runs statements (pg.DB, pg.Tx).
type DB interface {
	Model(model ...interface{}) *Query
	ModelContext(c context.Context, model ...interface{}) *Query
	Exec(query interface{}, params ...interface{}) (Result, error)
	ExecContext(c context.Context, query interface{}, params ...interface{}) (Result, error)
	ExecOne(query interface{}, params ...interface{}) (Result, error)
	Query(model, query interface{}, params ...interface{}) (Result, error)
	QueryContext(c context.Context, model, query interface{}, params ...interface{}) (Result, error)
	QueryOne(model, query interface{}, params ...interface{}) (Result, error)
}

type Query struct {
	db    DB
	model []interface{}
	where []string
}

func NewQuery(db DB, model ...interface{}) *Query { return &Query{db: db, model: model} }

func (q *Query) Where(condition string, params ...interface{}) *Query {
	q.where = append(q.where, condition)
	return q
}
func (q *Query) WhereIn(where string, slice interface{}) *Query { return q.Where(where, slice) }
func (q *Query) Column(columns ...string) *Query                { return q }
func (q *Query) Relation(name string, apply ...func(*Query) (*Query, error)) *Query {
	return q
}
func (q *Query) Order(orders ...string) *Query { return q }
func (q *Query) Limit(n int) *Query            { return q }

func (q *Query) Select(values ...interface{}) error                 { return nil }
func (q *Query) SelectAndCount(values ...interface{}) (int, error)  { return 0, nil }
func (q *Query) ForEach(fn interface{}) error                       { return nil }
func (q *Query) Count() (int, error)                                { return 0, nil }
func (q *Query) First() error                                       { return nil }
func (q *Query) Last() error                                        { return nil }
func (q *Query) Exists() (bool, error)                              { return false, nil }
func (q *Query) Insert(values ...interface{}) (Result, error)       { return nil, nil }
func (q *Query) SelectOrInsert(values ...interface{}) (bool, error) { return false, nil }
func (q *Query) Update(scan ...interface{}) (Result, error)         { return nil, nil }
func (q *Query) UpdateNotZero(scan ...interface{}) (Result, error)  { return nil, nil }
func (q *Query) Delete(values ...interface{}) (Result, error)       { return nil, nil }
func (q *Query) ForceDelete(values ...interface{}) (Result, error)  { return nil, nil }
func (q *Query) CreateTable(opt *CreateTableOptions) error          { return nil }
func (q *Query) DropTable(opt *DropTableOptions) error              { return nil }

type CreateTableOptions struct{ IfNotExists bool }
type DropTableOptions struct{ IfExists bool }
