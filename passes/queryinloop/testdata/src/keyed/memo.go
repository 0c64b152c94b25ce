package keyed

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
)

// A memo made before a loop, keyed by what many items share (an item's
// group, not the item itself): the query runs once per group, on the
// memo's misses, however many items the loop has.

type Item struct {
	ID      int64
	GroupID int64
}

type Group struct {
	ID   int64
	Name string
}

func loadGroup(ctx context.Context, db *sql.DB, id int64) (Group, error) {
	var g Group
	err := db.QueryRowContext(ctx, `SELECT id, name FROM groups WHERE id = $1`, id).Scan(&g.ID, &g.Name)
	return g, err
}

// ByGroup stores what it loaded under the loaded value's own id.
func ByGroup(ctx context.Context, db *sql.DB, items []Item) error {
	memo := make(map[int64]Group)
	for _, it := range items {
		g, ok := memo[it.GroupID]
		if !ok {
			var err error
			g, err = loadGroup(ctx, db, it.GroupID) // silent: once per group
			if err != nil {
				return err
			}
			memo[g.ID] = g
		}
		_ = g
	}
	return nil
}

// ByGroupKey stores under the key it looked up.
func ByGroupKey(ctx context.Context, db *sql.DB, items []Item) {
	memo := map[int64]string{}
	for _, it := range items {
		if _, ok := memo[it.GroupID]; !ok {
			var name string
			db.QueryRowContext(ctx, `SELECT name FROM groups WHERE id = $1`, it.GroupID).Scan(&name) // silent: likewise
			memo[it.GroupID] = name
		}
	}
}

// Collect only accumulates: nothing reads the map before the query.
func Collect(ctx context.Context, db *sql.DB, items []Item) map[int64]Group {
	out := map[int64]Group{}
	for _, it := range items {
		g, _ := loadGroup(ctx, db, it.GroupID) // want `keyed.loadGroup runs .* once per item of items`
		out[it.GroupID] = g
	}
	return out
}

// Recheck looks the group up, and queries on a hit too.
func Recheck(ctx context.Context, db *sql.DB, items []Item) {
	memo := map[int64]Group{}
	for _, it := range items {
		if g, ok := memo[it.GroupID]; ok {
			_ = g
		}
		g, _ := loadGroup(ctx, db, it.GroupID) // want `keyed.loadGroup runs .* once per item of items`
		memo[it.GroupID] = g
	}
}

var errUnknown = errors.New("unknown group")

// Known fails on a miss; the query runs on every hit.
func Known(ctx context.Context, db *sql.DB, items []Item, names map[int64]string) error {
	for _, it := range items {
		name, ok := names[it.GroupID]
		if !ok {
			return errUnknown
		}
		db.ExecContext(ctx, `UPDATE groups SET seen = true WHERE name = $1`, name) // want `.*once per item of items`
	}
	return nil
}

// Fresh makes its memo anew for each item: it never hits.
func Fresh(ctx context.Context, db *sql.DB, items []Item) {
	for _, it := range items {
		memo := map[int64]Group{}
		if _, ok := memo[it.GroupID]; !ok {
			g, _ := loadGroup(ctx, db, it.GroupID) // want `keyed.loadGroup runs .* once per item of items`
			memo[g.ID] = g
		}
	}
}

// Reset empties its memo on each item.
func Reset(ctx context.Context, db *sql.DB, items []Item) {
	memo := map[int64]Group{}
	for _, it := range items {
		if _, ok := memo[it.GroupID]; !ok {
			g, _ := loadGroup(ctx, db, it.GroupID) // want `keyed.loadGroup runs .* once per item of items`
			memo[g.ID] = g
		}
		memo = map[int64]Group{}
	}
}

// Other stores under the id of a value loaded for another key: the
// looked-up key is never filled.
func Other(ctx context.Context, db *sql.DB, items []Item) {
	memo := map[int64]Group{}
	for _, it := range items {
		if _, ok := memo[it.GroupID]; !ok {
			g, _ := loadGroup(ctx, db, it.ID) // want `keyed.loadGroup runs .* once per item of items`
			memo[g.ID] = g
		}
	}
}

// InSelect reads through the memo in a select's default case, between
// checks that the context is still live.
func InSelect(ctx context.Context, db *sql.DB, items []Item) error {
	memo := make(map[int64]Group)
	for _, it := range items {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
			g, ok := memo[it.GroupID]
			if !ok {
				var err error
				g, err = loadGroup(ctx, db, it.GroupID) // silent: once per group
				if err != nil {
					continue
				}
				memo[it.GroupID] = g
			}
			_ = g
		}
	}
	return nil
}

// InSwitchByItem keys the memo by the item itself, in a switch's case:
// every item misses.
func InSwitchByItem(ctx context.Context, db *sql.DB, ids []int64, kind int) {
	memo := make(map[int64]Group)
	for _, id := range ids {
		switch kind {
		case 1:
			g, ok := memo[id]
			if !ok {
				g, _ = loadGroup(ctx, db, id) // want `keyed.loadGroup runs .* once per item of ids`
				memo[id] = g
			}
			_ = g
		}
	}
}

// Loader keeps what it loaded in a map of pointers, a nil entry a miss.
type Loader struct {
	db     *sql.DB
	groups map[int64]*Group
}

func (l *Loader) load(ctx context.Context, id int64) *Group {
	g := &Group{}
	l.db.QueryRowContext(ctx, `SELECT id, name FROM groups WHERE id = $1`, id).Scan(&g.ID, &g.Name)
	return g
}

func (l *Loader) group(ctx context.Context, id int64) *Group {
	g := l.groups[id]
	if g == nil {
		g = l.load(ctx, id)
		l.groups[id] = g
	}
	return g
}

// groupDirect tests the entry in the condition itself.
func (l *Loader) groupDirect(ctx context.Context, id int64) *Group {
	if l.groups[id] == nil {
		l.groups[id] = l.load(ctx, id)
	}
	return l.groups[id]
}

// groupForgetful never keeps what it loads: a query per call.
func (l *Loader) groupForgetful(ctx context.Context, id int64) *Group {
	g := l.groups[id]
	if g == nil {
		g = l.load(ctx, id)
	}
	return g
}

// Groups loads the items' default group through the loader: once.
func (l *Loader) Groups(ctx context.Context, items []Item, def int64) {
	for range items {
		l.group(ctx, def)          // silent: a nil entry is the miss, and the miss keeps its group
		l.groupDirect(ctx, def)    // silent: likewise
		l.groupForgetful(ctx, def) // want `groupForgetful runs .* once per item of items`
	}
}

// Writers keeps a writer per row type; making one clears the type's
// table.
type Writers struct {
	db     *sql.DB
	byType map[reflect.Type]*writer
}

type writer struct{ table string }

func newWriter(t reflect.Type) (*writer, error) { return &writer{table: t.Name()}, nil }

func (ws *Writers) forType(ctx context.Context, t reflect.Type) (*writer, error) {
	w := ws.byType[t]
	if w == nil {
		var err error
		if w, err = newWriter(t); err != nil {
			return nil, err
		}
		ws.byType[t] = w
		ws.db.ExecContext(ctx, `DELETE FROM staging WHERE kind = $1`, t.Name())
	}
	return w, nil
}

// SaveAll runs the clearing once per row type, not per row.
func (ws *Writers) SaveAll(ctx context.Context, rows []any) {
	for _, r := range rows {
		ws.forType(ctx, reflect.TypeOf(r)) // silent: once per type
	}
}

// NextOrders keeps each group's next order in a memo, stored after the
// if on every item: the lookup runs once per group.
func NextOrders(ctx context.Context, db *sql.DB, items []Item) {
	next := map[int64]int64{}
	for _, it := range items {
		n, ok := next[it.GroupID]
		if !ok {
			db.QueryRowContext(ctx, `SELECT max(ord) FROM items WHERE group_id = $1`, it.GroupID).Scan(&n) // silent: once per group
		}
		next[it.GroupID] = n + 1
	}
}

// NextOrdersSometimes stores only for some items: the others look up
// again.
func NextOrdersSometimes(ctx context.Context, db *sql.DB, items []Item, keep bool) {
	next := map[int64]int64{}
	for _, it := range items {
		n, ok := next[it.GroupID]
		if !ok {
			db.QueryRowContext(ctx, `SELECT max(ord) FROM items WHERE group_id = $1`, it.GroupID).Scan(&n) // want `SELECT from items runs once per item of items`
		}
		if keep {
			next[it.GroupID] = n + 1
		}
	}
}

// NextOrdersVar declares the lookup with var, as some code does.
func NextOrdersVar(ctx context.Context, db *sql.DB, items []Item) {
	next := map[int64]int64{}
	for i := 0; i < len(items); i++ {
		it := items[i]
		var n, ok = next[it.GroupID]
		if !ok {
			db.QueryRowContext(ctx, `SELECT max(ord) FROM items WHERE group_id = $1`, it.GroupID).Scan(&n) // silent: once per group
		}
		next[it.GroupID] = n + 1
	}
}

// NextOrdersSkipping may leave the item before the store: an item it
// skips looks its group up again.
func NextOrdersSkipping(ctx context.Context, db *sql.DB, items []Item) {
	next := map[int64]int64{}
	for _, it := range items {
		n, ok := next[it.GroupID]
		if !ok {
			db.QueryRowContext(ctx, `SELECT max(ord) FROM items WHERE group_id = $1`, it.GroupID).Scan(&n) // want `SELECT from items runs once per item of items`
		}
		if n < 0 {
			continue
		}
		for range 3 {
			if n > 10 {
				break // this loop's, not the item's
			}
		}
		next[it.GroupID] = n + 1
	}
}
