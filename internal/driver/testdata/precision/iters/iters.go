// Package iters reads rows through iterators that run their statement
// lazily, on the first call of Next: once per iterator, not once per call
// of Next. A loop over one iterator, or over a few made before it, runs
// it once per iterator; a loop that makes an iterator per item runs it
// per item.
package iters

import "database/sql"

type Iter struct {
	db   *sql.DB
	kind string
	rows *sql.Rows
}

func Open(db *sql.DB, kind string) *Iter { return &Iter{db: db, kind: kind} }

func (it *Iter) fetch() error {
	rows, err := it.db.Query("SELECT id FROM things WHERE kind = $1", it.kind)
	if err != nil {
		return err
	}
	it.rows = rows
	return nil
}

// Next runs the statement on its first call (fetch sets it.rows).
func (it *Iter) Next() (int64, bool) {
	if it.rows == nil {
		if err := it.fetch(); err != nil {
			return 0, false
		}
	}
	if !it.rows.Next() {
		return 0, false
	}
	var id int64
	it.rows.Scan(&id)
	return id, true
}

// Page reads up to n rows of one iterator: one statement.
func (it *Iter) Page(n int) []int64 {
	var out []int64
	for i := 0; i < n; i++ {
		id, ok := it.Next() // silent: the same iterator
		if !ok {
			break
		}
		out = append(out, id)
	}
	return out
}

// Counted wraps an iterator it holds: its Next is the inner one's, once
// per wrapper.
type Counted struct {
	inner *Iter
	n     int
}

func (c *Counted) Next() (int64, bool) {
	c.n++
	return c.inner.Next()
}

// Merge advances iterators made before it: one statement per iterator.
func Merge(its []*Counted, n int) []int64 {
	var out []int64
	for _, it := range its {
		if id, ok := it.Next(); ok { // silent: each iterator's first call
			out = append(out, id)
		}
	}
	for i := 0; i < n; i++ {
		cur := its[i%len(its)]
		if id, ok := cur.Next(); ok { // silent: one of the iterators made before
			out = append(out, id)
		}
	}
	return out
}

// PerKind makes an iterator per kind and reads it: a statement per kind.
func PerKind(db *sql.DB, kinds []string) {
	for _, k := range kinds {
		it := Open(db, k)
		it.Next() // reported: a new iterator per item
	}
}

// Again makes one per kind too, into a variable declared before the loop.
func Again(db *sql.DB, kinds []string) {
	var it *Iter
	for _, k := range kinds {
		it = Open(db, k)
		it.Page(10) // reported: a new iterator per item
	}
}

// Direct fills its rows itself, under the same test.
type Direct struct {
	db   *sql.DB
	rows *sql.Rows
}

func (d *Direct) Next() bool {
	if d.rows == nil {
		d.rows, _ = d.db.Query("SELECT id FROM others")
	}
	return d.rows.Next()
}

// EachDirect reads one row of a new Direct per kind: a statement per kind.
func EachDirect(db *sql.DB, kinds []string) {
	for range kinds {
		d := &Direct{db: db}
		d.Next() // reported: a new iterator per item
	}
}

// Drain reads a Direct it is given to the end: one statement.
func Drain(d *Direct) int {
	n := 0
	for d.Next() { // silent: the same iterator
		n++
	}
	return n
}

// Set holds iterators made once; Active hands back those it holds.
type Set struct {
	db  *sql.DB
	its []*Iter
}

func (s *Set) Active() ([]*Iter, error) {
	if len(s.its) == 0 {
		return nil, nil
	}
	return s.its, nil
}

// Fresh makes new ones on every call.
func (s *Set) Fresh(kind string) ([]*Iter, error) {
	return []*Iter{Open(s.db, kind)}, nil
}

// Union advances the set's iterators until it is empty: one statement
// per iterator.
func Union(s *Set) {
	for len(s.its) > 0 {
		its, err := s.Active()
		if err != nil {
			return
		}
		for _, it := range its {
			it.Next() // silent: iterators the set holds
		}
	}
}

// Each reads fresh iterators per kind: a statement per kind.
func Each(s *Set, kinds []string) {
	for _, k := range kinds {
		its, _ := s.Fresh(k)
		for _, it := range its {
			it.Next() // reported: iterators made per item
		}
	}
}

// Flagged runs its statement once, under a flag it sets.
type Flagged struct {
	db      *sql.DB
	started bool
	ids     []int64
}

func (f *Flagged) Next() (int64, bool) {
	if !f.started {
		f.started = true
		rows, err := f.db.Query("SELECT id FROM flagged")
		if err == nil {
			rows.Close()
		}
	}
	if len(f.ids) == 0 {
		return 0, false
	}
	id := f.ids[0]
	f.ids = f.ids[1:]
	return id, true
}

// PageFlagged reads up to n of one: one statement.
func PageFlagged(f *Flagged, n int) []int64 {
	var out []int64
	for i := 0; i < n; i++ {
		id, ok := f.Next() // silent: the same iterator
		if !ok {
			break
		}
		out = append(out, id)
	}
	return out
}

// EachFlagged makes one per kind: a statement per kind.
func EachFlagged(db *sql.DB, kinds []string) {
	for range kinds {
		f := &Flagged{db: db}
		f.Next() // reported: a new iterator per item
	}
}

// Factory connects lazily: the first call makes the connection, running
// its session's settings, and a failed ping drops it to be made again on
// the next call. Once per process, and once per lost connection.
type Factory struct {
	DB   *sql.DB
	name string
}

func connect(name string) (*Factory, error) {
	db, err := sql.Open("postgres", name)
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec("SET application_name = 'iters'"); err != nil {
		return nil, err
	}
	return &Factory{DB: db, name: name}, nil
}

// Conn is the connection, made on first use.
func (f *Factory) Conn() *sql.DB {
	if f.DB == nil {
		fresh, err := connect(f.name)
		if err != nil {
			return nil
		}
		*f = *fresh
	}
	if err := f.DB.Ping(); err != nil {
		f.DB = nil
		return nil
	}
	return f.DB
}

// Service holds the factory every handler asks for its connection.
type Service struct{ f *Factory }

func (s *Service) mustDB() *sql.DB { return s.f.Getter()() }

// Getter hands out the connection's maker.
func (f *Factory) Getter() func() *sql.DB {
	return func() *sql.DB { return f.Conn() }
}

// Audit writes an audit row per id with the connection mustDB gives.
func (s *Service) Audit(ids []int64) {
	for _, id := range ids {
		audit(s.mustDB(), id)
	}
}

func audit(db *sql.DB, id int64) {
	db.Exec("INSERT INTO audit (id) VALUES ($1)", id)
}

// Touch runs its UPDATE per id; the connection's settings run once.
func (s *Service) Touch(ids []int64) {
	for _, id := range ids {
		s.mustDB().Exec("UPDATE things SET seen = now() WHERE id = $1", id)
	}
}
