package direct

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"time"
)

// Attempt loops: a counting loop whose counter only counts (compared,
// logged, slept on) and whose body leaves on every path but those a
// failure or a changed re-read sends round again. Each run is one more
// attempt at the same work, not an item: in the normal case the body
// runs once, however large the bound.

type Head struct {
	ID    int64
	Token string
}

var ErrTooManyTries = errors.New("too many tries")

func getHead(ctx context.Context, db *sql.DB, id int64) (*Head, error) {
	var h Head
	if err := db.QueryRowContext(ctx, "SELECT id, token FROM heads WHERE id = $1", id).Scan(&h.ID, &h.Token); err != nil {
		return nil, err
	}
	return &h, nil
}

func stageAt(ctx context.Context, db *sql.DB, token, key string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO staged (token, key) VALUES ($1, $2)", token, key)
	return err
}

// Logger is a structured logger: With hands back a logger that adds
// fields, and the levels log.
type Logger interface {
	With(fields map[string]any) Logger
	Debug(msg string)
}

// SafeWrite writes at the head's token and reads the head again: the
// write is tried again only when the token moved meanwhile.
func SafeWrite(ctx context.Context, db *sql.DB, lg Logger, id int64, key string, maxTries int) error {
	var try int
	for try = 1; try <= maxTries; try++ {
		pre, err := getHead(ctx, db, id) // silent: an attempt, again only when the token moved
		if err != nil {
			return err
		}
		if err = stageAt(ctx, db, pre.Token, key); err != nil { // silent: likewise
			return err
		}
		post, err := getHead(ctx, db, id) // silent: the re-read
		if err != nil {
			return err
		}
		if pre.Token == post.Token {
			break
		}
		lg.With(map[string]any{"try": try, "pre": pre.Token, "post": post.Token}).Debug("token moved, trying again")
	}
	if try > maxTries {
		return ErrTooManyTries
	}
	return nil
}

// SafeWriteWith takes the write as a function, as a helper shared by
// every write does.
func SafeWriteWith(ctx context.Context, db *sql.DB, id int64, maxTries int, op func(*Head) error) error {
	for try := 0; try < maxTries; try++ {
		pre, err := getHead(ctx, db, id) // silent: an attempt
		if err != nil {
			return err
		}
		if err := op(pre); err != nil {
			return err
		}
		post, err := getHead(ctx, db, id) // silent: the re-read
		if err != nil {
			return err
		}
		if pre.Token != post.Token {
			log.Printf("try %d of %d: token moved", try+1, maxTries)
			time.Sleep(time.Duration(1<<try) * time.Millisecond)
			continue
		}
		return nil
	}
	return ErrTooManyTries
}

func claim(ctx context.Context, db *sql.DB, id int64, token string) (bool, error) {
	res, err := db.ExecContext(ctx, "UPDATE heads SET token = token || '+' WHERE id = $1 AND token = $2", id, token)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Claim reads the head and swaps its token if nobody did meanwhile; a
// lost race (not swapped) tries again after a backoff the counter
// computes.
func Claim(ctx context.Context, db *sql.DB, id int64, tries int) error {
	var lastErr error
	for attempt := 0; attempt < tries; attempt++ {
		h, err := getHead(ctx, db, id) // silent: again only after a lost race
		if err != nil {
			return err
		}
		swapped, err := claim(ctx, db, id, h.Token)
		if err != nil {
			return err
		}
		if swapped {
			break
		}
		lastErr = fmt.Errorf("attempt %d: lost the race", attempt)
		backoff := time.Duration(attempt+1) * 5 * time.Millisecond
		time.Sleep(backoff)
	}
	return lastErr
}

// Look-alikes that go through data, reported.

// Indexed reads the counter's item: a loop over ids.
func Indexed(ctx context.Context, db *sql.DB, ids []int64, n int) {
	for i := 0; i < n; i++ {
		getHead(ctx, db, ids[i]) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
	}
}

// Numbered hands the counter to the query.
func Numbered(ctx context.Context, db *sql.DB, n int) {
	for i := 0; i < n; i++ {
		getHead(ctx, db, int64(i)) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
	}
}

// Polling runs its query on every round, with no way out but the bound.
func Polling(ctx context.Context, db *sql.DB, id int64, rounds int) {
	for i := 0; i < rounds; i++ {
		if h, err := getHead(ctx, db, id); err == nil { // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of rounds`
			log.Printf("round %d: %s", i, h.Token)
		}
	}
}

// BreakOnError leaves on a failure only: every round that works goes on.
func BreakOnError(ctx context.Context, db *sql.DB, key string, tokens []string, n int) {
	for i := 0; i < n; i++ {
		if err := stageAt(ctx, db, "t", key); err != nil { // want `^direct.stageAt runs INSERT into staged \(attempts.go:34\) once per item of n`
			break
		}
	}
}

// Paged hands the counter to the read through an offset it computes.
func Paged(ctx context.Context, db *sql.DB, pages int) {
	for page := 0; page < pages; page++ {
		offset := int64(page * 50)
		pre, err := getHead(ctx, db, offset) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of pages`
		if err != nil {
			return
		}
		post, err := getHead(ctx, db, offset+1) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of pages`
		if err != nil {
			return
		}
		if pre.Token == post.Token {
			break
		}
	}
}

func lastHead(ctx context.Context, db *sql.DB) (*Head, error) {
	var h Head
	err := db.QueryRowContext(ctx, "SELECT id, token FROM heads ORDER BY id DESC LIMIT 1").Scan(&h.ID, &h.Token)
	return &h, err
}

// DrainHeads reads until the head is the last: two different reads
// compared, not one read made twice.
func DrainHeads(ctx context.Context, db *sql.DB, id int64, n int) {
	for i := 0; i < n; i++ {
		h, err := getHead(ctx, db, id) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		if err != nil {
			return
		}
		last, err := lastHead(ctx, db) // want `^direct.lastHead runs SELECT from heads \(attempts.go:184\) once per item of n`
		if err != nil {
			return
		}
		if h.ID == last.ID {
			break
		}
	}
}

// Unchanged goes on while the re-read agrees: the normal case goes
// round again.
func Unchanged(ctx context.Context, db *sql.DB, id int64, n int) {
	for i := 0; i < n; i++ {
		pre, err := getHead(ctx, db, id) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		if err != nil {
			return
		}
		post, err := getHead(ctx, db, id) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		if err != nil {
			return
		}
		if pre.Token != post.Token {
			break
		}
	}
}

// Told hands the counter to a function that keeps a result: what it
// does with the counter is not logging.
func Told(ctx context.Context, db *sql.DB, id int64, n int, pick func(int) int64) {
	for i := 0; i < n; i++ {
		pre, err := getHead(ctx, db, pick(i)) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		if err != nil {
			return
		}
		post, err := getHead(ctx, db, id) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		if err != nil {
			return
		}
		if pre.Token == post.Token {
			break
		}
	}
}

// Field is a structured logger's field.
type Field struct {
	Key string
	Int int
}

func Int(key string, n int) Field { return Field{key, n} }

type Fields interface {
	Info(msg string, fields ...Field)
}

// Backoff logs its count as a field and sleeps longer each time: the
// counter still only counts.
func Backoff(ctx context.Context, db *sql.DB, lg Fields, id int64, tries int) error {
	for try := range tries {
		h, err := getHead(ctx, db, id) // silent: again only after a lost race
		if err != nil {
			return err
		}
		swapped, err := claim(ctx, db, id, h.Token)
		if err != nil || swapped {
			return err
		}
		lg.Info("lost the race", Int("try", try))
		time.Sleep(backoffFor(try))
	}
	return ErrTooManyTries
}

func backoffFor(try int) time.Duration { return time.Duration(try) * time.Second }

// PageOf hands the counter to a function whose answer picks the rows
// read: reported.
func PageOf(ctx context.Context, db *sql.DB, n int) {
	for i := 0; i < n; i++ {
		h, err := getHead(ctx, db, int64(backoffFor(i))) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		if err != nil {
			return
		}
		swapped, err := claim(ctx, db, h.ID, h.Token)
		if err != nil || swapped {
			return
		}
	}
}

// SwitchTries tests the answers in a switch: the clause that goes round
// is the lost race's.
func SwitchTries(ctx context.Context, db *sql.DB, id int64, tries int) error {
	for attempt := 0; attempt < tries; attempt++ {
		h, err := getHead(ctx, db, id) // silent: again only after a lost race
		if err != nil {
			return err
		}
		swapped, err := claim(ctx, db, id, h.Token)
		switch {
		case err != nil:
			return err
		case !swapped:
			log.Printf("attempt %d: lost the race", attempt)
		default:
			return nil
		}
	}
	return ErrTooManyTries
}

// SwitchOn goes round after each swap: reported.
func SwitchOn(ctx context.Context, db *sql.DB, id int64, n int) error {
	for i := 0; i < n; i++ {
		h, err := getHead(ctx, db, id) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		if err != nil {
			return err
		}
		swapped, err := claim(ctx, db, id, h.Token) // want `^direct.claim runs UPDATE heads \(attempts.go:98\) once per item of n`
		switch {
		case err != nil:
			return err
		case swapped:
			log.Printf("round %d: swapped", i)
		default:
			return nil
		}
	}
	return nil
}

// WalkChain follows a chain of heads until two neighbours agree: two
// reads of one function at different rows, compared, are a walk over
// rows (a query per hop), not one read made twice.
func WalkChain(ctx context.Context, db *sql.DB, id int64, maxHops int) {
	for hop := 0; hop < maxHops; hop++ {
		cur, err := getHead(ctx, db, id) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of maxHops`
		if err != nil {
			return
		}
		next, err := getHead(ctx, db, cur.ID+1) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of maxHops`
		if err != nil {
			return
		}
		if cur.Token == next.Token {
			break
		}
	}
}

// FellThrough goes round after a success too: its clause falls through
// into the one that goes round.
func FellThrough(ctx context.Context, db *sql.DB, id int64, n int) {
	for i := 0; i < n; i++ {
		h, err := getHead(ctx, db, id) // want `^direct.getHead runs SELECT from heads \(attempts.go:27\) once per item of n`
		switch {
		case err == nil:
			log.Print(h.Token)
			fallthrough
		default:
			continue
		}
	}
}
