package direct

import (
	"context"
	"database/sql"
)

// A map the function fills with keys it writes out holds as many items
// as it puts: a loop over it runs a few times, like one over a literal.

// Settings writes a few settings, one row each.
func Settings(ctx context.Context, db *sql.DB, version, arch string) {
	meta := make(map[string]string)
	meta["version"] = version
	meta["arch"] = arch
	for k, v := range meta {
		db.ExecContext(ctx, "INSERT INTO settings (k, v) VALUES ($1, $2)", k, v) // silent: the two keys the function puts
	}
}

// SettingsPlus starts from a literal and puts one more key.
func SettingsPlus(ctx context.Context, db *sql.DB, at, kind string) {
	meta := map[string]string{"at": at}
	meta["kind:"+kind] = at
	for k, v := range meta {
		db.ExecContext(ctx, "INSERT INTO settings (k, v) VALUES ($1, $2)", k, v) // silent: a literal's key and one put
	}
}

// SettingsOfRows puts a key per row: as many as the rows.
func SettingsOfRows(ctx context.Context, db *sql.DB, rows []string) {
	meta := map[string]string{"seed": "1"}
	for _, r := range rows {
		meta[r] = "1"
	}
	for k, v := range meta {
		db.ExecContext(ctx, "INSERT INTO settings (k, v) VALUES ($1, $2)", k, v) // want `^INSERT into settings runs once per item of meta`
	}
}

// SettingsFilled hands the map to a function that may put any keys.
func SettingsFilled(ctx context.Context, db *sql.DB, fill func(map[string]string)) {
	meta := map[string]string{"seed": "1"}
	fill(meta)
	for k, v := range meta {
		db.ExecContext(ctx, "INSERT INTO settings (k, v) VALUES ($1, $2)", k, v) // want `^INSERT into settings runs once per item of meta`
	}
}
