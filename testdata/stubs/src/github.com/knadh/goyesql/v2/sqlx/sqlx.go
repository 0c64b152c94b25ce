// Stub of github.com/knadh/goyesql/v2/sqlx (signatures mirror master, 737ad9f; bodies are placeholders).

package sqlx

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/knadh/goyesql/v2"
)

// ScanToStruct prepares a given set of Queries and assigns the resulting
// *sqlx.Stmt or *sqlx.NamedStmt statements to the fields of a given struct.
func ScanToStruct(obj interface{}, q goyesql.Queries, db *sqlx.DB) error { panic("stub") }

func ScanWithContext(ctx context.Context, obj interface{}, q goyesql.Queries, db *sqlx.DB) error {
	panic("stub")
}
