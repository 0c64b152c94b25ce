// Package kv has two implementations of one interface, one over SQL and
// one over a map, that share helpers taking the interface: what a helper
// runs depends on which implementation hands itself to it.
package kv

import (
	"context"
	"database/sql"
)

type Tasks interface {
	Task(ctx context.Context, id int64) string
}

type SQL struct{ db *sql.DB }

func NewSQL(db *sql.DB) *SQL { return &SQL{db: db} }

func (s *SQL) Task(ctx context.Context, id int64) string {
	var name string
	s.db.QueryRowContext(ctx, "SELECT name FROM tasks WHERE id = $1", id).Scan(&name)
	return name
}

// Mem keeps the tasks in memory: no round trips.
type Mem struct{ m map[int64]string }

func NewMem() *Mem { return &Mem{m: map[int64]string{}} }

func (m *Mem) Task(ctx context.Context, id int64) string { return m.m[id] }

// Fill is shared by both implementations.
func Fill(ctx context.Context, t Tasks, id int64) string { return t.Task(ctx, id) }

// Deep hands its parameter on, through a copy, to Fill.
func Deep(ctx context.Context, t Tasks, id int64) string {
	u := t
	return Fill(ctx, u, id)
}

// Get hands Mem's receiver to Fill, below the loops that call it.
func (m *Mem) Get(ctx context.Context, id int64) string { return Fill(ctx, m, id) }

func (m *Mem) All(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Fill(ctx, m, id) // silent: Fill runs Mem's Task
	}
}

func (m *Mem) AllDeep(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Deep(ctx, Tasks(m), id) // silent: Deep hands Mem on to Fill
	}
}

func (m *Mem) AllGet(ctx context.Context, ids []int64) {
	for _, id := range ids {
		m.Get(ctx, id) // silent: Get hands Mem to Fill
	}
}

func (s *SQL) All(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Fill(ctx, s, id) // reported: Fill runs SQL's Task
	}
}

// Any loops over a value of either implementation: the graph's answer.
func Any(ctx context.Context, t Tasks, ids []int64) {
	for _, id := range ids {
		Fill(ctx, t, id) // reported: t may be SQL
	}
}

// Fallback is what Reset runs in place of its parameter.
var Fallback Tasks

// Reset assigns its parameter: what it holds is not what was passed.
func Reset(ctx context.Context, t Tasks, id int64) string {
	if Fallback != nil {
		t = Fallback
	}
	return t.Task(ctx, id)
}

func (m *Mem) AllReset(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Reset(ctx, m, id) // reported: Reset may run Fallback's, an SQL
	}
}

// Serve runs each implementation's loops, and the helper with either.
func Serve(ctx context.Context, db *sql.DB, ids []int64, mem bool) {
	s, m := NewSQL(db), NewMem()
	s.All(ctx, ids)
	m.All(ctx, ids)
	m.AllDeep(ctx, ids)
	m.AllGet(ctx, ids)
	var t Tasks = s
	if mem {
		t = m
	}
	Any(ctx, t, ids)
	Fallback = s
	m.AllReset(ctx, ids)
}

// Names is kept in a package variable that start-up sets to one
// implementation or the other.
type Names interface {
	Name(ctx context.Context, id int64) string
	Restore(ctx context.Context, ids []int64)
}

var names Names

type diskNames struct{ db *sql.DB }

func (d *diskNames) Name(ctx context.Context, id int64) string {
	var name string
	d.db.QueryRowContext(ctx, "SELECT name FROM names WHERE id = $1", id).Scan(&name)
	return name
}

// memNames values are made in one place: the assignment to names.
type memNames struct{ m map[int64]string }

func (m *memNames) Name(ctx context.Context, id int64) string { return m.m[id] }

func OpenNames(db *sql.DB, mem bool) {
	if mem {
		names = &memNames{m: map[int64]string{}}
		return
	}
	names = &diskNames{db: db}
}

// Name is what the rest of the program calls.
func Name(ctx context.Context, id int64) string { return names.Name(ctx, id) }

func describe(ctx context.Context, id int64) string { return "#" + Name(ctx, id) }

func (m *memNames) Restore(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Name(ctx, id)     // silent: a memNames runs only as what names holds
		describe(ctx, id) // silent: likewise, a call further down
	}
}

func (d *diskNames) Restore(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Name(ctx, id) // reported: names holds the diskNames
	}
}

// Labels is kept in a package variable too, but memLabels values are
// also made elsewhere: one may run while labels holds a diskLabels.
type Labels interface {
	Label(ctx context.Context, id int64) string
	Restore(ctx context.Context, ids []int64)
}

var labels Labels

type diskLabels struct{ db *sql.DB }

func (d *diskLabels) Label(ctx context.Context, id int64) string {
	var name string
	d.db.QueryRowContext(ctx, "SELECT label FROM labels WHERE id = $1", id).Scan(&name)
	return name
}

func (d *diskLabels) Restore(ctx context.Context, ids []int64) {}

type memLabels struct{ m map[int64]string }

func (m *memLabels) Label(ctx context.Context, id int64) string { return m.m[id] }

func OpenLabels(db *sql.DB, mem bool) {
	if mem {
		labels = &memLabels{}
		return
	}
	labels = &diskLabels{db: db}
}

func Label(ctx context.Context, id int64) string { return labels.Label(ctx, id) }

func (m *memLabels) Restore(ctx context.Context, ids []int64) {
	for _, id := range ids {
		Label(ctx, id) // reported: this memLabels need not be what labels holds
	}
}

// Restore runs every implementation's restore.
func Restore(ctx context.Context, db *sql.DB, ids []int64, mem bool) {
	OpenNames(db, mem)
	OpenLabels(db, mem)
	names.Restore(ctx, ids)
	spare := &memLabels{m: map[int64]string{}}
	spare.Restore(ctx, ids)
	labels.Restore(ctx, ids)
}
