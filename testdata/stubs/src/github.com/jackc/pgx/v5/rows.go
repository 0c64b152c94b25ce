// Stub of github.com/jackc/pgx/v5 (signatures mirror v5.12.0; bodies are placeholders).

package pgx

import (
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// Rows is the result set returned from *Conn.Query.
type Rows interface {
	Close()

	Err() error

	CommandTag() pgconn.CommandTag

	FieldDescriptions() []pgconn.FieldDescription

	Next() bool

	Scan(dest ...any) error

	Values() ([]any, error)

	RawValues() [][]byte

	Conn() *Conn

	TypeMap() *pgtype.Map
}

// Row is a convenience wrapper over Rows that is returned by QueryRow.
type Row interface {
	Scan(dest ...any) error
}

// RowScanner scans an entire row at a time into the RowScanner.
type RowScanner interface {
	ScanRow(rows Rows) error
}

// ScanArgError is returned when a scan fails on a particular column.
type ScanArgError struct {
	ColumnIndex int
	FieldName   string
	Err         error
}

func (e ScanArgError) Error() string { panic("stub") }

func (e ScanArgError) Unwrap() error { panic("stub") }

func ScanRow(typeMap *pgtype.Map, fieldDescriptions []pgconn.FieldDescription, values [][]byte, dest ...any) error {
	panic("stub")
}

func ForEachRow(rows Rows, scans []any, fn func() error) (pgconn.CommandTag, error) { panic("stub") }

// CollectableRow is the subset of Rows methods that a RowToFunc is allowed to call.
type CollectableRow interface {
	FieldDescriptions() []pgconn.FieldDescription
	Scan(dest ...any) error
	Values() ([]any, error)
	RawValues() [][]byte
}

// RowToFunc is a function that scans or otherwise converts row to a T.
type RowToFunc[T any] func(row CollectableRow) (T, error)

func AppendRows[T any, S ~[]T](slice S, rows Rows, fn RowToFunc[T]) (S, error) { panic("stub") }

func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error) { panic("stub") }

func CollectOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) { panic("stub") }

func CollectExactlyOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) { panic("stub") }

func RowTo[T any](row CollectableRow) (T, error) { panic("stub") }

func RowToAddrOf[T any](row CollectableRow) (*T, error) { panic("stub") }

func RowToMap(row CollectableRow) (map[string]any, error) { panic("stub") }

func RowToStructByPos[T any](row CollectableRow) (T, error) { panic("stub") }

func RowToAddrOfStructByPos[T any](row CollectableRow) (*T, error) { panic("stub") }

func RowToStructByName[T any](row CollectableRow) (T, error) { panic("stub") }

func RowToAddrOfStructByName[T any](row CollectableRow) (*T, error) { panic("stub") }

func RowToStructByNameLax[T any](row CollectableRow) (T, error) { panic("stub") }

func RowToAddrOfStructByNameLax[T any](row CollectableRow) (*T, error) { panic("stub") }
