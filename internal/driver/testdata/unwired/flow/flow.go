// Package flow runs steps with values kept in their context.
package flow

import (
	"database/sql"
	"fmt"
)

// Context holds values by name for the steps of a flow.
type Context interface {
	Set(name string, v any)
	Get(name string) any
}

type context struct{ values map[string]any }

func (c *context) Set(name string, v any) { c.values[name] = v }
func (c *context) Get(name string) any    { return c.values[name] }

// Deps are handed to the steps through the context, as any.
type Deps struct{ Ledger *Ledger }

type Ledger struct{ db *sql.DB }

// Post is what a step calls.
func (l *Ledger) Post(id int) {
	_, _ = l.db.Exec("UPDATE ledger SET posted = true WHERE id = $1", id)
}

// Rebuild is exported, and nothing calls it.
func (l *Ledger) Rebuild(ids []int) {
	for _, id := range ids {
		_, _ = l.db.Exec("UPDATE ledger SET total = 0 WHERE id = $1", id)
	}
}

func step(c Context) {
	c.Get("deps").(*Deps).Ledger.Post(1)
}

// Board keeps values too, and prints them: fmt calls their String.
type Board struct{ notes map[string]any }

func (b *Board) Pin(name string, v any) { b.notes[name] = v }
func (b *Board) Show(name string)       { fmt.Println(b.notes[name]) }

type Tally struct {
	DB  *sql.DB
	IDs []int
}

func (t *Tally) String() string {
	out := ""
	for _, id := range t.IDs {
		var n string
		_ = t.DB.QueryRow("SELECT count(*) FROM tallies WHERE id = $1", id).Scan(&n)
		out += n
	}
	return out
}

func Run(db *sql.DB) {
	var c Context = &context{values: map[string]any{}}
	c.Set("deps", &Deps{Ledger: &Ledger{db: db}})
	step(c)
	b := &Board{notes: map[string]any{}}
	b.Pin("tally", &Tally{DB: db})
	b.Show("tally")
}
