package direct

import (
	"context"
	"database/sql"
	"errors"
)

// First-success loops try candidates in order and leave at the first
// that answers: the query runs once in the normal case, as in a retry
// loop. Leaving on failure (if err != nil { return err }) is the N+1's
// own shape, and so is leaving on a property of what was found.

type Profile struct{ ID int64 }

func findProfile(ctx context.Context, db *sql.DB, name string) (*Profile, error) {
	var p Profile
	if err := db.QueryRowContext(ctx, "SELECT id FROM profiles WHERE name = $1", name).Scan(&p.ID); err != nil {
		return nil, err
	}
	return &p, nil
}

// FirstProfile returns the first of the names that has a profile.
func FirstProfile(ctx context.Context, db *sql.DB, names []string) (*Profile, error) {
	for _, n := range names {
		p, err := findProfile(ctx, db, n) // silent: returns at the first that answers
		if err != nil {
			continue
		}
		if p != nil {
			return p, nil
		}
	}
	return nil, errors.New("no profile")
}

// Preferred breaks at the first name with a profile.
func Preferred(ctx context.Context, db *sql.DB, names []string) *Profile {
	var found *Profile
	for _, n := range names {
		if p, err := findProfile(ctx, db, n); err == nil {
			found = p
			break // silent: the first that answers
		}
	}
	return found
}

func lookupAll(ctx context.Context, db *sql.DB, name string) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM aliases WHERE name = $1", name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Aliases returns the aliases of the first name that has some.
func Aliases(ctx context.Context, db *sql.DB, names []string) []int64 {
	for _, n := range names {
		ids, _ := lookupAll(ctx, db, n) // silent: returns at the first with aliases
		if len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// Profiles leaves on failure only: every name costs its query.
func Profiles(ctx context.Context, db *sql.DB, names []string) ([]*Profile, error) {
	var out []*Profile
	for _, n := range names {
		p, err := findProfile(ctx, db, n) // want `^direct.findProfile runs SELECT from profiles \(firstsuccess.go:18\) once per item of names`
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// FirstBig leaves on a property of the profile found: a search through
// every name, which one query for all of them replaces.
func FirstBig(ctx context.Context, db *sql.DB, names []string) *Profile {
	for _, n := range names {
		p, err := findProfile(ctx, db, n) // want `^direct.findProfile runs SELECT from profiles \(firstsuccess.go:18\) once per item of names`
		if err == nil && p.ID > 1000 {
			return p
		}
	}
	return nil
}

// Count goes on after a success: every name costs its query.
func Count(ctx context.Context, db *sql.DB, names []string) int {
	n := 0
	for _, name := range names {
		if _, err := findProfile(ctx, db, name); err == nil { // want `^direct.findProfile runs SELECT from profiles \(firstsuccess.go:18\) once per item of names`
			n++
		}
	}
	return n
}
