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

// A retry loop under optimistic locking: the update runs again only when
// it lost a race on the row's version, and every other outcome (success,
// or any other error) leaves the loop. Its bound is how often to retry,
// not how many items there are.

var ErrConflict = errors.New("version conflict")

func bumpVersion(ctx context.Context, db *sql.DB, id int64) error {
	_, err := db.ExecContext(ctx, "UPDATE docs SET version = version + 1 WHERE id = $1", id)
	return err
}

// BumpRetrying retries the update on a version conflict alone.
func BumpRetrying(ctx context.Context, db *sql.DB, id int64, tries int) (err error) {
	for try := 0; try < tries; try++ {
		err = bumpVersion(ctx, db, id) // silent: runs again only after a conflict
		if !errors.Is(err, ErrConflict) {
			break
		}
	}
	return err
}

// BumpUntil compares with the conflict error itself.
func BumpUntil(ctx context.Context, db *sql.DB, id int64, tries int) error {
	for try := 0; try < tries; try++ {
		if err := bumpVersion(ctx, db, id); err != ErrConflict { // silent: leaves unless a conflict
			return err
		}
	}
	return ErrConflict
}

// BumpAll leaves on a conflict alone: every other id costs its update.
func BumpAll(ctx context.Context, db *sql.DB, ids []int64) error {
	for _, id := range ids {
		err := bumpVersion(ctx, db, id) // want `^direct.bumpVersion runs UPDATE docs \(firstsuccess.go:120\) once per item of ids`
		if errors.Is(err, ErrConflict) {
			return err
		}
	}
	return nil
}

// BumpSkipping goes on after every outcome: each id costs its update.
func BumpSkipping(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		err := bumpVersion(ctx, db, id) // want `^direct.bumpVersion runs UPDATE docs \(firstsuccess.go:120\) once per item of ids`
		if !errors.Is(err, ErrConflict) {
			continue
		}
	}
}

// A fallback chain whose answers carry their errors: it returns the
// first answer without errors.

type Answer struct{ errs []error }

func (a *Answer) Errors() []error { return a.errs }

func ask(ctx context.Context, db *sql.DB, source string) *Answer {
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM mirrors WHERE source = $1", source).Scan(&n); err != nil {
		return &Answer{errs: []error{err}}
	}
	return &Answer{}
}

// none says whether a list of errors is empty.
func none(errs any) bool {
	if errs == nil {
		return true
	}
	return len(errs.([]error)) == 0
}

// some says whether a list of errors has any.
func some(errs []error) bool { return len(errs) > 0 }

// FirstAnswer asks the sources in order until one answers without errors.
func FirstAnswer(ctx context.Context, db *sql.DB, sources []string) *Answer {
	var a *Answer
	for _, s := range sources {
		a = ask(ctx, db, s) // silent: returns the first answer without errors
		if none(a.Errors()) {
			return a
		}
	}
	return a
}

// FirstClean tests the errors' length itself.
func FirstClean(ctx context.Context, db *sql.DB, sources []string) *Answer {
	for _, s := range sources {
		a := ask(ctx, db, s) // silent: returns the first answer without errors
		if len(a.Errors()) == 0 {
			return a
		}
	}
	return nil
}

// FirstFailure leaves at the first answer with errors: in the normal
// case every source costs its query.
func FirstFailure(ctx context.Context, db *sql.DB, sources []string) *Answer {
	for _, s := range sources {
		a := ask(ctx, db, s) // want `^direct.ask runs SELECT from mirrors`
		if some(a.Errors()) {
			return a
		}
	}
	return nil
}

// FirstBroken is the same, through a negated test of emptiness.
func FirstBroken(ctx context.Context, db *sql.DB, sources []string) *Answer {
	for _, s := range sources {
		a := ask(ctx, db, s) // want `^direct.ask runs SELECT from mirrors`
		if !none(a.Errors()) {
			return a
		}
	}
	return nil
}

// Polling with many tries that returns in the else branch of the error
// test: it leaves at the first success.
func Poll(ctx context.Context, db *sql.DB, id int64) error {
	for i := 0; i < 60; i++ {
		if err := bumpVersion(ctx, db, id); err != nil { // silent: the else branch leaves at the first success
			continue
		} else {
			return nil
		}
	}
	return ErrConflict
}

// BumpCounting goes on in the else branch: every id costs its update.
func BumpCounting(ctx context.Context, db *sql.DB, ids []int64) (n int, err error) {
	for _, id := range ids {
		if err := bumpVersion(ctx, db, id); err != nil { // want `^direct.bumpVersion runs UPDATE docs \(firstsuccess.go:120\) once per item of ids`
			return n, err
		} else {
			n++
		}
	}
	return n, nil
}

// BumpOr leaves on success or on any error but a conflict, said twice.
func BumpOr(ctx context.Context, db *sql.DB, id int64, tries int) error {
	for try := 0; try < tries; try++ {
		err := bumpVersion(ctx, db, id) // silent: runs again only after a conflict
		if err == nil || !errors.Is(err, ErrConflict) {
			return err
		}
	}
	return ErrConflict
}

// BumpOrBig leaves on success or on a property of the id: the loop over
// ids goes on after a success.
func BumpOrBig(ctx context.Context, db *sql.DB, ids []int64) error {
	for _, id := range ids {
		err := bumpVersion(ctx, db, id) // want `^direct.bumpVersion runs UPDATE docs \(firstsuccess.go:120\) once per item of ids`
		if err != nil && id > 1000 {
			return err
		}
	}
	return nil
}

// Schemes tries the ways a request may authenticate, by kind, in a
// switch: each case assigns the user, and the test after the switch
// returns the first found. The call runs once in the normal case.
func Schemes(ctx context.Context, db *sql.DB, reqs []map[string][]string, token, key string) (*Profile, error) {
	for _, req := range reqs {
		for kind := range req {
			var (
				p   *Profile
				err error
			)
			switch kind {
			case "token":
				if token == "" {
					continue
				}
				p, err = findProfile(ctx, db, token) // silent: the test after the switch returns the first found
			case "key":
				p, err = findProfile(ctx, db, key+kind) // silent: the same, for a call that reads the item
			default:
				return nil, errors.New("unknown kind")
			}
			if err != nil {
				return nil, err
			}
			if p != nil {
				return p, nil
			}
		}
	}
	return nil, nil
}

// SchemesAll collects the profile of every name: the test after the
// switch is on failure alone, every item costs its query.
func SchemesAll(ctx context.Context, db *sql.DB, names []string) ([]*Profile, error) {
	var out []*Profile
	for _, n := range names {
		var (
			p   *Profile
			err error
		)
		switch {
		case n != "":
			p, err = findProfile(ctx, db, n) // want `^direct.findProfile runs SELECT from profiles \(firstsuccess.go:18\) once per item of names`
		}
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// SchemesOverwritten tests p after the switch, but the case set p again
// after the call: the test says nothing of the call's success.
func SchemesOverwritten(ctx context.Context, db *sql.DB, names []string, def *Profile) *Profile {
	for _, n := range names {
		var p *Profile
		switch {
		case n != "":
			p, _ = findProfile(ctx, db, n) // want `^direct.findProfile runs SELECT from profiles \(firstsuccess.go:18\) once per item of names`
			p = def
		}
		if p != nil {
			return p
		}
	}
	return nil
}
