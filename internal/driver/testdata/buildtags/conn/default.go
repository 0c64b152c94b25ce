//go:build !no_default_driver

// The connection a plain build makes, with the driver it links by default.
package conn

import "database/sql"

func Open(dsn string) (*sql.DB, error) { return sql.Open("sqlite", dsn) }
