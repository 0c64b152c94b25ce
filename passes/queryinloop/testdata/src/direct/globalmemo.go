package direct

import (
	"context"
	"database/sql"
)

// A value loaded once for the process into a package-level variable,
// tested before it is loaded.

type telemetry struct {
	Key  []byte
	Name string
}

var telRecord = telemetry{}

func fetchTelemetry(ctx context.Context, db *sql.DB) (telemetry, error) {
	if telRecord.Key != nil {
		return telRecord, nil
	}
	var t telemetry
	err := db.QueryRowContext(ctx, "SELECT key FROM telemetry WHERE id = 1").Scan(&t.Key)
	if err == nil {
		telRecord = t
	}
	return t, err
}

// Publish seals each message with the key, loaded once.
func Publish(ctx context.Context, db *sql.DB, msgs []string) {
	for range msgs {
		fetchTelemetry(ctx, db)
	}
}

var siteName string

func loadSiteName(ctx context.Context, db *sql.DB) string {
	if siteName != "" {
		return siteName
	}
	db.QueryRowContext(ctx, "SELECT name FROM site WHERE id = 1").Scan(&siteName)
	return siteName
}

// Titles reads the site's name, loaded once.
func Titles(ctx context.Context, db *sql.DB, pages []string) {
	for range pages {
		loadSiteName(ctx, db)
	}
}

var regions []string

func loadRegions(ctx context.Context, db *sql.DB) []string {
	if len(regions) > 0 {
		return regions
	}
	rows, err := db.QueryContext(ctx, "SELECT name FROM regions")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		rows.Scan(&r)
		out = append(out, r)
	}
	regions = out
	return out
}

// ResetRegions empties the list: the next call loads again.
func ResetRegions() { regions = nil }

// Places reads the regions, which a reset may empty between items.
func Places(ctx context.Context, db *sql.DB, items []string) {
	for range items {
		loadRegions(ctx, db) // want `^direct.loadRegions runs SELECT from regions \(globalmemo.go:60\) once per item of items`
	}
}

var owner telemetry

func loadOwner(ctx context.Context, db *sql.DB) telemetry {
	if owner.Name != "" {
		return owner
	}
	var t telemetry
	db.QueryRowContext(ctx, "SELECT name FROM owner WHERE id = 1").Scan(&t.Name)
	go func() { owner = t }()
	return t
}

// Owners fills the variable in a goroutine only: nothing this call
// waits for keeps it.
func Owners(ctx context.Context, db *sql.DB, items []string) {
	for range items {
		loadOwner(ctx, db) // want `^direct.loadOwner runs SELECT from owner \(globalmemo.go:92\) once per item of items`
	}
}
