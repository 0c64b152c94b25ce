// Package direct holds loops around direct queries: the shapes to report
// and the look-alikes that must stay silent.
package direct

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type User struct {
	ID    int64
	Email string
}

func PerItem(ctx context.Context, db *sql.DB, users []User) {
	for _, u := range users {
		db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", u.ID) // fix `fetch the rows of all items in one query before the loop \(WHERE user_id = ANY\(\$1\) with the keys as one array, or a JOIN\) and match them` // want `^SELECT from orders runs once per item of users: n round trips instead of 1$`
	}
	for i := 0; i < len(users); i++ {
		db.ExecContext(ctx, "INSERT INTO audit (user_id) VALUES ($1)", users[i].ID) // fix `^insert all rows in one statement: INSERT INTO audit \(...\) SELECT \* FROM unnest\(\$1::type\[\], .*with one array per column` // want `^INSERT into audit runs once per item of users: n round trips`
	}
}

func Nested(ctx context.Context, db *sql.DB, groups map[string][]User) {
	for _, g := range groups {
		for _, u := range g {
			db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", u.ID) // fix `^update all rows in one statement: UPDATE users SET ... WHERE id = ANY\(\$1\)` // want `^UPDATE users runs once per item of g, inside the loop over groups: n×m round trips$`
		}
	}
}

// RowsNesting queries while the outer result set is open.
func RowsNesting(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		db.QueryRowContext(ctx, "SELECT email FROM profiles WHERE user_id = $1", id) // want `^SELECT from profiles runs once per row of rows while its result set is open: n round trips`
	}
	return rows.Err()
}

// BulkLoad: a prepared statement executed per item is still a write per item.
func BulkLoad(ctx context.Context, tx *sql.Tx, users []User) error {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO users (email) VALUES ($1)")
	if err != nil {
		return err
	}
	for _, u := range users {
		stmt.ExecContext(ctx, u.Email) // fix `^insert all rows in one statement: INSERT INTO users` // want `^INSERT into users runs once per item of users`
	}
	return nil
}

// ---- Silent cases ----

// Worker is a service loop: each tick is not an item of data.
func Worker(ctx context.Context, db *sql.DB) {
	t := time.NewTicker(time.Minute)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			db.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at < now()") // service loop
		}
	}
}

// Poller runs until its context ends, sleeping between rounds.
func Poller(ctx context.Context, db *sql.DB) {
	for ctx.Err() == nil {
		db.ExecContext(ctx, "UPDATE jobs SET state = 'ready' WHERE state = 'waiting'") // service loop
		time.Sleep(time.Second)
	}
}

// Retry leaves on success: a bounded retry, not data.
func Retry(ctx context.Context, db *sql.DB) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = db.ExecContext(ctx, "UPDATE counters SET n = n + 1"); err == nil { // retry loop
			return nil
		}
	}
	return err
}

// Constant bound: a fixed, small number of queries.
func Constant(ctx context.Context, db *sql.DB) {
	for i := 0; i < 3; i++ {
		db.ExecContext(ctx, "INSERT INTO shards (n) VALUES ($1)", i) // constant bound (reported only with -queryinloop.const)
	}
}

// BuildThenQuery builds the arguments in the loop and queries once.
func BuildThenQuery(ctx context.Context, db *sql.DB, users []User) {
	ids := make([]int64, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	db.QueryContext(ctx, "SELECT id FROM orders WHERE user_id = ANY($1)", ids) // after the loop
}

// Chunks sends one statement per chunk of ids.
func Chunks(ctx context.Context, db *sql.DB, ids []int64) {
	for i := 0; i < len(ids); i += 500 {
		end := min(i+500, len(ids))
		db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[i:end]) // chunked by step
	}
	var chunks [][]int64
	for _, chunk := range chunks {
		db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", chunk) // the chunk is the argument
	}
}

// ChunksWhile walks ids a chunk at a time with the condition alone,
// stepped by the body's last statement: one statement per chunk, silent.
// A lookup per item of the chunk, a query the chunk does not reach, and a
// loop stepping by one are reported, over ids.
func ChunksWhile(ctx context.Context, db *sql.DB, ids []int64, user int64, batchSize int) {
	lb := 0
	size := len(ids)
	for lb < size {
		ub := min(lb+batchSize, size)
		chunk := ids[lb:ub]
		db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", chunk) // chunked by step
		for _, id := range chunk {
			db.ExecContext(ctx, "DELETE FROM invoices WHERE order_id = $1", id) // want `^DELETE from invoices runs once per item of chunk, inside the loop over ids: n×m round trips$`
		}
		db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", user) // want `^UPDATE users runs once per item of ids: n round trips`
		lb += batchSize
	}
	for i := 0; i < len(ids); i += 1 {
		db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[i:i+1]) // want `^DELETE from orders runs once per item of ids: n round trips`
	}
}

// DeleteRequest is a request a caller fills and hands on, as the SDKs'
// batch inputs are.
type DeleteRequest struct {
	IDs   []int64
	Total int
}

func deleteBatch(ctx context.Context, db *sql.DB, req *DeleteRequest) {
	db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", req.IDs)
}

// ChunksInRequest reuses one request across the chunks, setting its
// field to the chunk of the iteration before the call: one statement per
// chunk, silent. A request that gathers every chunk (appended) or a
// field set to something else (its count) holds no chunk.
func ChunksInRequest(ctx context.Context, db *sql.DB, ids []int64, step int, req *DeleteRequest) {
	length := len(ids)
	for i := 0; i < length; i = i + step {
		upper := min(i+step, length)
		req.IDs = ids[i:upper]
		deleteBatch(ctx, db, req) // chunked: req holds the chunk
	}
	var all DeleteRequest
	sent := 0
	for i := 0; i < length; i = i + step {
		upper := min(i+step, length)
		all.IDs = append(all.IDs, ids[i:upper]...)
		deleteBatch(ctx, db, &all) // want `deleteBatch runs DELETE from orders \(direct.go:\d+\) once per item of ids`
	}
	for i := 0; i < length; i = i + step {
		upper := min(i+step, length)
		req.Total = upper - i
		sent += len(ids[i:upper])
		deleteBatch(ctx, db, req) // want `deleteBatch runs DELETE from orders \(direct.go:\d+\) once per item of ids`
	}
	_ = sent
}

// Strided sends one statement per chunk too: the loop walks every item,
// but the body runs on every size-th only, with the items from there.
func Strided(ctx context.Context, db *sql.DB, ids []int64) {
	const size = 25
	for i := range ids {
		if i%size == 0 {
			end := min(i+size, len(ids))
			db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[i:end]) // once per chunk
		}
	}
	for i, id := range ids {
		if i%2 == 0 {
			db.ExecContext(ctx, "DELETE FROM orders WHERE id = $1", id) // want `DELETE from orders runs once per item of ids`
		}
	}
	var other []int64
	for i := range ids {
		if i%size == 0 {
			db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", other[i:]) // want `DELETE from orders runs once per item of ids`
		}
	}
}

// Batched queues in the loop and sends once: Queue is not a round trip, and
// reading the batch results in a loop is not either.
func Batched(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	b := &pgx.Batch{}
	for _, u := range users {
		b.Queue("UPDATE users SET seen = now() WHERE id = $1", u.ID) // not a round trip
	}
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	for range users {
		if _, err := br.Exec(); err != nil { // reads a result already sent
			return err
		}
	}
	return nil
}

// Replicas ranges over a literal list: a fixed count, not data.
func Replicas(ctx context.Context, primary, replica *sql.DB) {
	for _, db := range []*sql.DB{primary, replica} {
		db.ExecContext(ctx, "SET statement_timeout = 5000") // literal list
	}
	pragmas := []string{"foreign_keys", "journal_mode"}
	for range pragmas {
		primary.ExecContext(ctx, "SELECT 1") // literal list through a variable
	}
}

// Filled starts from an empty literal and is filled through a pointer: it
// is data, not a fixed list.
func Filled(ctx context.Context, db *sql.DB, load func(any) error) {
	users := []User{}
	load(&users)
	for _, u := range users {
		db.QueryRowContext(ctx, "SELECT name FROM tags WHERE user_id = $1", u.ID) // want `runs once per item of users`
	}
}

type Node struct{ ID, ParentID int64 }

// WalkUp follows parents: each query needs the previous answer, so there
// is no list of items to fetch at once.
func WalkUp(ctx context.Context, db *sql.DB, n Node, depth int) {
	for i := 0; i < depth; i++ {
		db.QueryRowContext(ctx, "SELECT id, parent_id FROM nodes WHERE id = $1", n.ParentID).Scan(&n.ID, &n.ParentID) // walks a chain
		if n.ParentID == 0 {
			return
		}
		n = Node{ID: n.ParentID}
	}
	var parent int64
	for _, seg := range []string{"a", "b", "c", "d"}[:depth] {
		db.QueryRowContext(ctx, "SELECT id FROM paths WHERE parent_id = $1 AND name = $2", parent, seg).Scan(&parent) // walks a path
		parent++
	}
}

// Drain is a worker draining a job channel: jobs arrive over time.
func Drain(ctx context.Context, db *sql.DB, jobs <-chan int64) {
	for id := range jobs {
		db.ExecContext(ctx, "UPDATE jobs SET done = true WHERE id = $1", id) // worker
	}
}

// Schedule runs on every tick.
func Schedule(ctx context.Context, db *sql.DB) {
	for range time.Tick(time.Minute) {
		db.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at < now()") // scheduler
	}
}

// worker runs until its context ends; starting n workers is not n queries.
func worker(ctx context.Context, db *sql.DB, jobs <-chan int64) {
	for {
		select {
		case <-ctx.Done():
			return
		case id := <-jobs:
			db.ExecContext(ctx, "UPDATE jobs SET done = true WHERE id = $1", id) // service loop
		}
	}
}

func StartWorkers(ctx context.Context, db *sql.DB, n int, jobs <-chan int64) {
	for i := 0; i < n; i++ {
		go worker(ctx, db, jobs) // its queries are not per call: silent
	}
}

// migrateEmails is a one-off data migration: silent by its name.
func migrateEmails(ctx context.Context, db *sql.DB, users []User) {
	for _, u := range users {
		db.ExecContext(ctx, "UPDATE users SET email = lower(email) WHERE id = $1", u.ID) // migration
	}
}

// Unknown SQL in a loop is reported without claiming a read or a write.
func Unknown(ctx context.Context, db *sql.DB, users []User, build func(User) string) {
	for _, u := range users {
		db.QueryContext(ctx, build(u)) // fix `^read or write all the items in one statement before or after the loop` // want `^query build\(\) runs once per item of users: n round trips`
	}
}

// Once: not in a loop at all.
func Once(ctx context.Context, db *sql.DB) {
	db.QueryRowContext(ctx, "SELECT 1")
}

// Spawn registers callbacks in a loop: whether and when they run is not
// visible here, so they are not counted per item.
func Spawn(db *sql.DB, users []User, register func(func())) {
	for _, u := range users {
		u := u
		register(func() {
			db.Exec("UPDATE users SET n = 0 WHERE id = $1", u.ID) // callback, runs elsewhere
		})
	}
}

func main() {}

// Steps runs a list of different statements, one per item: no single
// query replaces them, so it is not an N+1. The same statement per item
// still is.
func Steps(ctx context.Context, db *sql.DB, steps []string, tables map[**sql.Stmt]string, ids []int64) {
	for _, step := range steps {
		db.ExecContext(ctx, step) // silent: each item is a statement
	}
	for stmt, q := range tables {
		*stmt, _ = db.PrepareContext(ctx, q) // silent: a statement table, prepared entry by entry
	}
	for _, id := range ids {
		for _, q := range []string{"DELETE FROM a WHERE id = $1", "DELETE FROM b WHERE id = $1"} {
			db.ExecContext(ctx, q, id) // fix `^write all rows in one statement: WHERE key = ANY\(\$1\) for the keys, or unnest` // want `^query q runs once per item of ids`
		}
	}
	for _, s := range steps {
		db.ExecContext(ctx, "DELETE FROM steps WHERE name = $1", s) // fix `^delete all rows in one statement: DELETE FROM steps WHERE name = ANY\(\$1\) with the keys as one array$` // want `^DELETE from steps runs once per item of steps`
	}
}

// RowsOuter writes per tag of each user while the users' result set is
// open.
func RowsOuter(ctx context.Context, db *sql.DB, tags []string) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		for _, t := range tags {
			db.ExecContext(ctx, "INSERT INTO ut (user_id, tag) VALUES ($1, $2)", id, t) // want `^INSERT into ut runs once per item of tags, inside the loop over rows while its result set is open: n×m round trips$`
		}
	}
}

func ThreeDeep(ctx context.Context, db *sql.DB, orgs map[string]map[string][]User) {
	for _, teams := range orgs {
		for _, members := range teams {
			for _, u := range members {
				db.QueryRowContext(ctx, "SELECT name FROM profiles WHERE user_id = $1", u.ID) // want `^SELECT from profiles runs once per item of members, inside the loop over teams: n×m×k round trips$`
			}
		}
	}
}
