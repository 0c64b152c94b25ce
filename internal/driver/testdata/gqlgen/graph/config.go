package graph

import (
	"context"
	"database/sql"
	"errors"

	"github.com/99designs/gqlgen/graphql"
)

// NewConfig is the schema's configuration with its directives: @hasRole
// reads the caller's role, then runs the field's resolver.
func NewConfig(db *sql.DB) Config {
	c := Config{Resolvers: &Resolver{DB: db}}
	c.Directives.HasRole = func(ctx context.Context, obj any, next graphql.Resolver, role string) (any, error) {
		var got string
		if err := db.QueryRowContext(ctx, "SELECT role FROM users WHERE id = $1", 1).Scan(&got); err != nil {
			return nil, err
		}
		if got != role {
			return nil, errors.New("forbidden")
		}
		return next(ctx)
	}
	return c
}
