package direct

import (
	"context"
	"database/sql"
)

// Lazy initialisation in a loop: a variable declared before the loop,
// filled by the call under a test that it is still unset (`if cur ==
// nil`, or a flag), which nothing else in the loop sets again. The call
// runs until it hands back a value — once in the normal case, as a loop
// that leaves at its first answer does.

type Cursor interface {
	Seek(key string)
	Next() bool
}

type rowsCursor struct{ rows *sql.Rows }

func (c *rowsCursor) Seek(key string) {}
func (c *rowsCursor) Next() bool      { return c.rows.Next() }

func openChanges(ctx context.Context, db *sql.DB, commit string) (Cursor, error) {
	rows, err := db.QueryContext(ctx, "SELECT key FROM changes WHERE commit_id = $1 ORDER BY key", commit)
	if err != nil {
		return nil, err
	}
	return &rowsCursor{rows}, nil
}

type PathRecord struct {
	Key    string
	Prefix bool
}

// Changed opens the changes at the first prefix it looks up.
func Changed(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) (bool, error) {
	var cur Cursor
	for _, p := range paths {
		if p.Prefix {
			if cur == nil {
				var err error
				cur, err = openChanges(ctx, db, commit) // silent: opened once, at the first prefix
				if err != nil {
					return false, err
				}
			}
			cur.Seek(p.Key)
			if cur.Next() {
				return true, nil
			}
		}
	}
	return false, nil
}

// ChangedAnd tests the prefix in the same condition.
func ChangedAnd(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	var cur Cursor
	for _, p := range paths {
		if cur == nil && p.Prefix {
			cur, _ = openChanges(ctx, db, commit) // silent: opened once
		}
		if cur != nil {
			cur.Seek(p.Key)
		}
	}
}

// ChangedFlag opens under a flag set in the same branch.
func ChangedFlag(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	var cur Cursor
	opened := false
	for _, p := range paths {
		if !opened && p.Prefix {
			cur, _ = openChanges(ctx, db, commit) // silent: opened once
			opened = true
		}
		if cur != nil {
			cur.Seek(p.Key)
		}
	}
}

// Look-alikes, reported.

// PerPath declares the cursor in the loop: a new one per path.
func PerPath(ctx context.Context, db *sql.DB, paths []PathRecord) {
	for _, p := range paths {
		var cur Cursor
		if cur == nil {
			cur, _ = openChanges(ctx, db, p.Key) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
		}
		cur.Seek(p.Key)
	}
}

// OtherVar tests one variable and fills another.
func OtherVar(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	var cur, prev Cursor
	for _, p := range paths {
		if prev == nil {
			cur, _ = openChanges(ctx, db, commit) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
		}
		cur.Seek(p.Key)
	}
	_ = prev
}

// Reset clears the cursor at the end of each path: opened again.
func Reset(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	var cur Cursor
	for _, p := range paths {
		if cur == nil {
			cur, _ = openChanges(ctx, db, commit) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
		}
		cur.Seek(p.Key)
		if !cur.Next() {
			cur = nil
		}
	}
}

// NotAssigned runs the call under the test but keeps its result
// elsewhere: the cursor stays nil.
func NotAssigned(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	var cur Cursor
	var all []Cursor
	for _, p := range paths {
		if cur == nil {
			c, _ := openChanges(ctx, db, p.Key) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
			all = append(all, c)
		}
	}
	_ = cur
}

// FlagReset sets its flag and clears it again for the next path.
func FlagReset(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	var cur Cursor
	opened := false
	for _, p := range paths {
		if !opened {
			cur, _ = openChanges(ctx, db, commit) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
			opened = true
		}
		cur.Seek(p.Key)
		if !p.Prefix {
			opened = false
		}
	}
}

// ResetInside clears the cursor in the very block that opened it, once
// used: opened again for every path.
func ResetInside(ctx context.Context, db *sql.DB, paths []PathRecord) {
	var cur Cursor
	for _, p := range paths {
		if cur == nil {
			cur, _ = openChanges(ctx, db, p.Key) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
			cur.Seek(p.Key)
			cur = nil
		}
	}
}

// FlagResetInside sets its flag and clears it in the same block.
func FlagResetInside(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	opened := false
	for _, p := range paths {
		if !opened {
			opened = true
			cur, _ := openChanges(ctx, db, commit) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
			cur.Seek(p.Key)
			opened = false
		}
	}
}

// RetryOnError clears the cursor when opening it failed: tried again at
// the next path, until it answers, as a loop leaving at its first answer.
func RetryOnError(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	var cur Cursor
	for _, p := range paths {
		if cur == nil {
			var err error
			cur, err = openChanges(ctx, db, commit) // silent: until it answers
			if err != nil {
				cur = nil
				continue
			}
		}
		cur.Seek(p.Key)
	}
}

// OrLast opens the cursor once for the full chunks and again, in the
// else branch of the same test, for a short last one (pkgsite's
// bulkInsert prepares its statement so): the else branch fills the
// cursor too, which does not unset it for the next chunk.
func OrLast(ctx context.Context, db *sql.DB, commit string, paths []PathRecord) {
	const stride = 100
	var cur Cursor
	for lo := 0; lo < len(paths); lo += stride {
		hi := lo + stride
		if hi <= len(paths) && cur == nil {
			cur, _ = openChanges(ctx, db, commit) // silent: opened once
		} else if hi > len(paths) {
			hi = len(paths)
			cur, _ = openChanges(ctx, db, paths[lo].Key) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
		}
		for _, p := range paths[lo:hi] {
			cur.Seek(p.Key)
		}
	}
}

// KnownFirst reads each path's cursor from elsewhere first and opens it
// when there is none: the call before the test unsets it for every item.
func KnownFirst(ctx context.Context, db *sql.DB, commit string, paths []PathRecord, known func(string) Cursor) {
	var cur Cursor
	for _, p := range paths {
		cur = known(p.Key)
		if cur == nil {
			cur, _ = openChanges(ctx, db, p.Key) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
		} else {
			cur, _ = openChanges(ctx, db, commit) // want `^direct.openChanges runs SELECT from changes \(lazy.go:25\) once per item of paths`
		}
		cur.Seek(p.Key)
	}
}
