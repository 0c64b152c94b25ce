// Stub of github.com/uptrace/bun/dialect/pgdialect (signatures mirror v1.3.0; bodies are placeholders).

package pgdialect

import (
	"database/sql"

	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/schema"
)

type Dialect struct {
	schema.BaseDialect
}

type DialectOption func(d *Dialect)

func New(opts ...DialectOption) *Dialect { panic("stub") }

func (d *Dialect) Init(*sql.DB) { panic("stub") }

func (d *Dialect) Name() dialect.Name { panic("stub") }

func (d *Dialect) IdentQuote() byte { panic("stub") }

func (d *Dialect) DefaultSchema() string { panic("stub") }
