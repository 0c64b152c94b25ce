package direct

import (
	"context"
	"database/sql"
)

// rootEmail is the root user's address, looked up on first use.
var rootEmail string

// notifyRoot mails the root user: its lookup fills a package-level
// string once, under `if rootEmail == ""`.
func notifyRoot(ctx context.Context, db *sql.DB) {
	if rootEmail == "" {
		rootEmail = lookupRoot(ctx, db)
	}
}

func lookupRoot(ctx context.Context, db *sql.DB) (email string) {
	db.QueryRowContext(ctx, "SELECT email FROM users WHERE role = 'root'").Scan(&email)
	return email
}

// disable turns a channel off and tells the root user.
func disable(ctx context.Context, db *sql.DB, id int64) {
	db.ExecContext(ctx, "UPDATE channels SET status = 2 WHERE id = $1", id)
	notifyRoot(ctx, db)
}

// DisableAll's loop runs the UPDATE per channel; the root's address is
// looked up once.
func DisableAll(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		disable(ctx, db, id) // want `^direct.disable runs UPDATE channels \(memostring.go:26\) once per item of ids`
	}
}

// MailEach looks a local address up per item: a local string compared
// with "" is no cache.
func MailEach(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		var email string
		if email == "" {
			db.QueryRowContext(ctx, "SELECT email FROM users WHERE id = $1", id).Scan(&email) // want `once per item of ids`
		}
	}
}
