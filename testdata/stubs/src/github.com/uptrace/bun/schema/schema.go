// Stub of github.com/uptrace/bun/schema (signatures mirror v1.3.0; bodies are placeholders).

package schema

import (
	"database/sql"

	"github.com/uptrace/bun/dialect"
)

// Dialect is a SQL dialect (subset of the real method set).
type Dialect interface {
	Init(db *sql.DB)

	Name() dialect.Name

	IdentQuote() byte

	DefaultSchema() string
}

// BaseDialect provides common methods for dialects.
type BaseDialect struct{}

// QueryGen formats queries for a dialect.
type QueryGen struct {
	dialect Dialect
}

// QueryAppender appends a query to b.
type QueryAppender interface {
	AppendQuery(gen QueryGen, b []byte) ([]byte, error)
}

// Query is implemented by every bun query (subset of the real method set).
type Query interface {
	QueryAppender
	Operation() string
	GetTableName() string
}

// Safe represents a safe SQL query.
type Safe string

// Ident represents a SQL identifier, for example, a fully qualified column name such as `table_name.col_name`.
type Ident string

// BaseModel is embedded in a model to set its table name and alias with a bun tag.
type BaseModel struct{}
