// Stub of github.com/Masterminds/squirrel (signatures mirror v1.5.4; bodies are placeholders).

package squirrel

import (
	"context"
	"database/sql"
)

type Sqlizer interface {
	ToSql() (string, []interface{}, error)
}

type BaseRunner interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
	Query(query string, args ...interface{}) (*sql.Rows, error)
}

type RowScanner interface {
	Scan(...interface{}) error
}

type PlaceholderFormat interface {
	ReplacePlaceholders(sql string) (string, error)
}

type dollarFormat struct{}

func (dollarFormat) ReplacePlaceholders(sql string) (string, error) { panic("stub") }

var (
	Question PlaceholderFormat
	Dollar   PlaceholderFormat = dollarFormat{}
)

type Eq map[string]interface{}

func (eq Eq) ToSql() (string, []interface{}, error) { panic("stub") }

type NotEq map[string]interface{}

func (neq NotEq) ToSql() (string, []interface{}, error) { panic("stub") }

type Lt map[string]interface{}

func (lt Lt) ToSql() (string, []interface{}, error) { panic("stub") }

type Gt map[string]interface{}

func (gt Gt) ToSql() (string, []interface{}, error) { panic("stub") }

type And []Sqlizer

func (a And) ToSql() (string, []interface{}, error) { panic("stub") }

type Or []Sqlizer

func (o Or) ToSql() (string, []interface{}, error) { panic("stub") }

func Expr(sql string, args ...interface{}) Sqlizer { panic("stub") }

type StatementBuilderType struct{}

var StatementBuilder = StatementBuilderType{}

func (b StatementBuilderType) PlaceholderFormat(f PlaceholderFormat) StatementBuilderType {
	panic("stub")
}
func (b StatementBuilderType) RunWith(runner BaseRunner) StatementBuilderType { panic("stub") }
func (b StatementBuilderType) Select(columns ...string) SelectBuilder         { panic("stub") }
func (b StatementBuilderType) Insert(into string) InsertBuilder               { panic("stub") }
func (b StatementBuilderType) Replace(into string) InsertBuilder              { panic("stub") }
func (b StatementBuilderType) Update(table string) UpdateBuilder              { panic("stub") }
func (b StatementBuilderType) Delete(from string) DeleteBuilder               { panic("stub") }

func Select(columns ...string) SelectBuilder { panic("stub") }
func Insert(into string) InsertBuilder       { panic("stub") }
func Replace(into string) InsertBuilder      { panic("stub") }
func Update(table string) UpdateBuilder      { panic("stub") }
func Delete(from string) DeleteBuilder       { panic("stub") }

type SelectBuilder struct{}

func (b SelectBuilder) PlaceholderFormat(f PlaceholderFormat) SelectBuilder { panic("stub") }
func (b SelectBuilder) RunWith(runner BaseRunner) SelectBuilder             { panic("stub") }
func (b SelectBuilder) Exec() (sql.Result, error)                           { panic("stub") }
func (b SelectBuilder) Query() (*sql.Rows, error)                           { panic("stub") }
func (b SelectBuilder) QueryRow() RowScanner                                { panic("stub") }
func (b SelectBuilder) Scan(dest ...interface{}) error                      { panic("stub") }
func (b SelectBuilder) ExecContext(ctx context.Context) (sql.Result, error) { panic("stub") }
func (b SelectBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) { panic("stub") }
func (b SelectBuilder) QueryRowContext(ctx context.Context) RowScanner      { panic("stub") }
func (b SelectBuilder) ScanContext(ctx context.Context, dest ...interface{}) error {
	panic("stub")
}
func (b SelectBuilder) ToSql() (string, []interface{}, error)                { panic("stub") }
func (b SelectBuilder) MustSql() (string, []interface{})                     { panic("stub") }
func (b SelectBuilder) Prefix(sql string, args ...interface{}) SelectBuilder { panic("stub") }
func (b SelectBuilder) Distinct() SelectBuilder                              { panic("stub") }
func (b SelectBuilder) Options(options ...string) SelectBuilder              { panic("stub") }
func (b SelectBuilder) Columns(columns ...string) SelectBuilder              { panic("stub") }
func (b SelectBuilder) RemoveColumns() SelectBuilder                         { panic("stub") }
func (b SelectBuilder) Column(column interface{}, args ...interface{}) SelectBuilder {
	panic("stub")
}
func (b SelectBuilder) From(from string) SelectBuilder { panic("stub") }
func (b SelectBuilder) FromSelect(from SelectBuilder, alias string) SelectBuilder {
	panic("stub")
}
func (b SelectBuilder) JoinClause(pred interface{}, args ...interface{}) SelectBuilder {
	panic("stub")
}
func (b SelectBuilder) Join(join string, rest ...interface{}) SelectBuilder      { panic("stub") }
func (b SelectBuilder) LeftJoin(join string, rest ...interface{}) SelectBuilder  { panic("stub") }
func (b SelectBuilder) RightJoin(join string, rest ...interface{}) SelectBuilder { panic("stub") }
func (b SelectBuilder) InnerJoin(join string, rest ...interface{}) SelectBuilder { panic("stub") }
func (b SelectBuilder) CrossJoin(join string, rest ...interface{}) SelectBuilder { panic("stub") }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder {
	panic("stub")
}
func (b SelectBuilder) GroupBy(groupBys ...string) SelectBuilder { panic("stub") }
func (b SelectBuilder) Having(pred interface{}, rest ...interface{}) SelectBuilder {
	panic("stub")
}
func (b SelectBuilder) OrderByClause(pred interface{}, args ...interface{}) SelectBuilder {
	panic("stub")
}
func (b SelectBuilder) OrderBy(orderBys ...string) SelectBuilder             { panic("stub") }
func (b SelectBuilder) Limit(limit uint64) SelectBuilder                     { panic("stub") }
func (b SelectBuilder) RemoveLimit() SelectBuilder                           { panic("stub") }
func (b SelectBuilder) Offset(offset uint64) SelectBuilder                   { panic("stub") }
func (b SelectBuilder) RemoveOffset() SelectBuilder                          { panic("stub") }
func (b SelectBuilder) Suffix(sql string, args ...interface{}) SelectBuilder { panic("stub") }

type InsertBuilder struct{}

func (b InsertBuilder) PlaceholderFormat(f PlaceholderFormat) InsertBuilder { panic("stub") }
func (b InsertBuilder) RunWith(runner BaseRunner) InsertBuilder             { panic("stub") }
func (b InsertBuilder) Exec() (sql.Result, error)                           { panic("stub") }
func (b InsertBuilder) Query() (*sql.Rows, error)                           { panic("stub") }
func (b InsertBuilder) QueryRow() RowScanner                                { panic("stub") }
func (b InsertBuilder) Scan(dest ...interface{}) error                      { panic("stub") }
func (b InsertBuilder) ExecContext(ctx context.Context) (sql.Result, error) { panic("stub") }
func (b InsertBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) { panic("stub") }
func (b InsertBuilder) QueryRowContext(ctx context.Context) RowScanner      { panic("stub") }
func (b InsertBuilder) ScanContext(ctx context.Context, dest ...interface{}) error {
	panic("stub")
}
func (b InsertBuilder) ToSql() (string, []interface{}, error)                { panic("stub") }
func (b InsertBuilder) Prefix(sql string, args ...interface{}) InsertBuilder { panic("stub") }
func (b InsertBuilder) Options(options ...string) InsertBuilder              { panic("stub") }
func (b InsertBuilder) Into(from string) InsertBuilder                       { panic("stub") }
func (b InsertBuilder) Columns(columns ...string) InsertBuilder              { panic("stub") }
func (b InsertBuilder) Values(values ...interface{}) InsertBuilder           { panic("stub") }
func (b InsertBuilder) Suffix(sql string, args ...interface{}) InsertBuilder { panic("stub") }
func (b InsertBuilder) SetMap(clauses map[string]interface{}) InsertBuilder  { panic("stub") }
func (b InsertBuilder) Select(sb SelectBuilder) InsertBuilder                { panic("stub") }

type UpdateBuilder struct{}

func (b UpdateBuilder) PlaceholderFormat(f PlaceholderFormat) UpdateBuilder { panic("stub") }
func (b UpdateBuilder) RunWith(runner BaseRunner) UpdateBuilder             { panic("stub") }
func (b UpdateBuilder) Exec() (sql.Result, error)                           { panic("stub") }
func (b UpdateBuilder) Query() (*sql.Rows, error)                           { panic("stub") }
func (b UpdateBuilder) QueryRow() RowScanner                                { panic("stub") }
func (b UpdateBuilder) Scan(dest ...interface{}) error                      { panic("stub") }
func (b UpdateBuilder) ExecContext(ctx context.Context) (sql.Result, error) { panic("stub") }
func (b UpdateBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) { panic("stub") }
func (b UpdateBuilder) QueryRowContext(ctx context.Context) RowScanner      { panic("stub") }
func (b UpdateBuilder) ScanContext(ctx context.Context, dest ...interface{}) error {
	panic("stub")
}
func (b UpdateBuilder) ToSql() (string, []interface{}, error)                { panic("stub") }
func (b UpdateBuilder) Prefix(sql string, args ...interface{}) UpdateBuilder { panic("stub") }
func (b UpdateBuilder) Table(table string) UpdateBuilder                     { panic("stub") }
func (b UpdateBuilder) Set(column string, value interface{}) UpdateBuilder   { panic("stub") }
func (b UpdateBuilder) SetMap(clauses map[string]interface{}) UpdateBuilder  { panic("stub") }
func (b UpdateBuilder) From(from string) UpdateBuilder                       { panic("stub") }
func (b UpdateBuilder) Where(pred interface{}, args ...interface{}) UpdateBuilder {
	panic("stub")
}
func (b UpdateBuilder) OrderBy(orderBys ...string) UpdateBuilder             { panic("stub") }
func (b UpdateBuilder) Limit(limit uint64) UpdateBuilder                     { panic("stub") }
func (b UpdateBuilder) Offset(offset uint64) UpdateBuilder                   { panic("stub") }
func (b UpdateBuilder) Suffix(sql string, args ...interface{}) UpdateBuilder { panic("stub") }

type DeleteBuilder struct{}

func (b DeleteBuilder) PlaceholderFormat(f PlaceholderFormat) DeleteBuilder { panic("stub") }
func (b DeleteBuilder) RunWith(runner BaseRunner) DeleteBuilder             { panic("stub") }
func (b DeleteBuilder) Exec() (sql.Result, error)                           { panic("stub") }
func (b DeleteBuilder) Query() (*sql.Rows, error)                           { panic("stub") }
func (b DeleteBuilder) ExecContext(ctx context.Context) (sql.Result, error) { panic("stub") }
func (b DeleteBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) { panic("stub") }
func (b DeleteBuilder) ToSql() (string, []interface{}, error)               { panic("stub") }
func (b DeleteBuilder) Prefix(sql string, args ...interface{}) DeleteBuilder {
	panic("stub")
}
func (b DeleteBuilder) From(from string) DeleteBuilder { panic("stub") }
func (b DeleteBuilder) Where(pred interface{}, args ...interface{}) DeleteBuilder {
	panic("stub")
}
func (b DeleteBuilder) OrderBy(orderBys ...string) DeleteBuilder             { panic("stub") }
func (b DeleteBuilder) Limit(limit uint64) DeleteBuilder                     { panic("stub") }
func (b DeleteBuilder) Offset(offset uint64) DeleteBuilder                   { panic("stub") }
func (b DeleteBuilder) Suffix(sql string, args ...interface{}) DeleteBuilder { panic("stub") }
