//go:build pgx

// Registers a driver, calls nothing: not counted, pgx not suggested.
package store

import _ "github.com/jackc/pgx/v5/stdlib"
