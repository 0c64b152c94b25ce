// Package sqlstore keeps blobs' metadata in SQL: only the index links it.
package sqlstore

import (
	"context"
	"database/sql"

	"example.com/binaries/backend"
)

var DB *sql.DB

type client struct{}

func init() { backend.Register("sql", func() backend.Client { return client{} }) }

func (client) Stat(ctx context.Context, name string) error {
	return DB.QueryRowContext(ctx, "SELECT 1 FROM blobs WHERE name = $1", name).Err()
}
