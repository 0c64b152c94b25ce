package direct

import (
	"context"
	"database/sql"
)

// Lazy state of a pointer parameter: download runs its query only while
// the release it is handed has no file, and gives it one; a loop handing
// it one release runs the query once, one handing each item's release
// once per item. Only the whole-program graph tells the two apart (see
// the driver's precision test): checked a package at a time, as here,
// the call runs its query every time.

type lazyRelease struct {
	ID   int64
	URL  string
	File string
	Tags []string
}

func download(ctx context.Context, db *sql.DB, r *lazyRelease) error {
	if r.URL == "" {
		return nil
	} else if r.File != "" {
		return nil // already downloaded
	}
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM indexers WHERE release_id = $1", r.ID).Scan(&name); err != nil {
		return err
	}
	r.File = "/tmp/" + name
	return nil
}

// tag tests a field it never sets: it runs its query on every call.
func tag(ctx context.Context, db *sql.DB, r *lazyRelease) error {
	if len(r.Tags) > 0 {
		return nil
	}
	_, err := db.ExecContext(ctx, "UPDATE releases SET seen = true WHERE id = $1", r.ID)
	return err
}

// ownTag fills the tags it tests, through the fill form.
func ownTag(ctx context.Context, db *sql.DB, r *lazyRelease) {
	if r.Tags == nil {
		rows, err := db.QueryContext(ctx, "SELECT tag FROM release_tags WHERE release_id = $1", r.ID)
		if err == nil {
			rows.Close()
		}
		r.Tags = []string{}
	}
}

func CheckRelease(ctx context.Context, db *sql.DB, checks []string, r *lazyRelease) {
	for range checks {
		download(ctx, db, r) // want `^direct.download runs SELECT from indexers \(lazyarg.go:29\) once per item of checks`
		ownTag(ctx, db, r)   // silent: once per release
		tag(ctx, db, r)      // want `^direct.tag runs UPDATE releases \(lazyarg.go:41\) once per item of checks`
	}
}
