// Package members patches a group's members. A helper's loop over a list
// runs nothing for a call that passes none: a caller passing nil (or an
// empty list) for the list a loop ranges over does not run the queries in
// that loop's body, however long its own loop.
package members

import (
	"context"
	"database/sql"

	"example.com/precision/store"
)

type Group struct {
	db *sql.DB
	s  store.Store
}

func New(db *sql.DB, s store.Store) *Group { return &Group{db, s} }

// Op is one operation of a patch.
type Op struct {
	Kind  string
	IDs   []int64
	Names []string
}

// dedup keeps an empty list empty: it appends only in its loop over it.
func dedup(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// withDefault does not: no ids is the default one.
func withDefault(ids []int64) []int64 {
	if len(ids) == 0 {
		return []int64{1}
	}
	return ids
}

// sync checks each added member through the store, and deletes each
// removed one.
func (g *Group) sync(ctx context.Context, add []int64, remove []string) {
	for _, id := range dedup(add) {
		g.s.User(ctx, id)
	}
	for i := 0; i < len(remove); i++ {
		g.db.ExecContext(ctx, "DELETE FROM members WHERE name = $1", remove[i])
	}
}

// replace makes the group exactly these members, adding them; it
// removes none.
func (g *Group) replace(ctx context.Context, desired []int64) {
	g.sync(ctx, desired, nil)
}

// grant grants each role, the default one when none is given.
func (g *Group) grant(ctx context.Context, roles []int64) {
	for _, id := range withDefault(roles) {
		g.db.ExecContext(ctx, "INSERT INTO grants (role) VALUES ($1)", id)
	}
}

// Patch applies a patch's operations.
func (g *Group) Patch(ctx context.Context, ops []Op) {
	for _, op := range ops {
		switch op.Kind {
		case "add":
			g.sync(ctx, op.IDs, nil) // reported: the store's lookup per added id, nothing removed
		case "remove":
			g.sync(ctx, nil, op.Names) // reported: the DELETE per name, nothing added
		case "clear":
			g.replace(ctx, nil)                // silent: no list, through replace too
			g.sync(ctx, []int64{}, []string{}) // silent: empty lists
		case "grant":
			g.grant(ctx, nil) // reported: no roles is the default one
		}
	}
}
