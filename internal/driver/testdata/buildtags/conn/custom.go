//go:build no_default_driver

// The connection of a build that brings its own driver: an alternative to
// default.go, which a plain run reads; its tag is not suggested.
package conn

import "database/sql"

func Open(dsn string) (*sql.DB, error) { return sql.Open("custom", dsn) }
