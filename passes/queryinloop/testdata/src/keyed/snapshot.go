package keyed

import (
	"context"
	"database/sql"
)

// KV is shaped like an application store: Get answers what Set kept
// under a key, nil when nothing.
type KV struct{}

func (*KV) Get(k string) any    { return nil }
func (*KV) Set(k string, v any) {}

type Table struct {
	Name string
	ID   string
}

const (
	keyTables  = "tables"  // loaded by Reload
	keyViews   = "views"   // never loaded: only read
	keyCurrent = "current" // one table, not a snapshot
)

type Registry struct {
	db    *sql.DB
	kv    *KV
	byID  map[string]*Table // loaded by Reload
	never []*Table          // read, never loaded
	// dropped is only ever set to nil.
	dropped []*Table
}

var everyTable []*Table // loaded by Reload

func (r *Registry) Store() *KV { return r.kv }

func (r *Registry) find(ctx context.Context, name string) (*Table, error) {
	t := &Table{}
	err := r.db.QueryRowContext(ctx, `SELECT name, id FROM tables WHERE name = $1 OR id = $1`, name).Scan(&t.Name, &t.ID)
	return t, err
}

func (r *Registry) all(ctx context.Context) []*Table {
	rows, _ := r.db.QueryContext(ctx, `SELECT name, id FROM tables`)
	defer rows.Close()
	var out []*Table
	for rows.Next() {
		t := &Table{}
		rows.Scan(&t.Name, &t.ID)
		out = append(out, t)
	}
	return out
}

// Reload loads the snapshots the lookups search.
func (r *Registry) Reload(ctx context.Context) {
	all := r.all(ctx)
	r.Store().Set(keyTables, all)
	m := map[string]*Table{}
	for _, t := range all {
		m[t.ID] = t
	}
	r.byID = m
	everyTable = all
}

// Cached searches the whole list the store holds; the query runs only
// until Reload has loaded it.
func (r *Registry) Cached(ctx context.Context, name string) (*Table, error) {
	tables, _ := r.Store().Get(keyTables).([]*Table)
	if tables == nil {
		return r.find(ctx, name) // not loaded yet
	}
	for _, t := range tables {
		if t.Name == name || t.ID == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

// CachedOK tests the assertion's ok.
func (r *Registry) CachedOK(ctx context.Context, name string) (*Table, error) {
	tables, ok := r.kv.Get(keyTables).([]*Table)
	if !ok {
		return r.find(ctx, name)
	}
	for _, t := range tables {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

// ByID indexes a map field Reload assigns whole.
func (r *Registry) ByID(ctx context.Context, id string) (*Table, error) {
	if r.byID == nil {
		return r.find(ctx, id)
	}
	return r.byID[id], nil
}

// Every searches a package-level list.
func Every(ctx context.Context, r *Registry, name string) (*Table, error) {
	if len(everyTable) == 0 {
		return r.find(ctx, name)
	}
	for _, t := range everyTable {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

// Views reads a key nothing sets: it is never loaded, every call queries.
func (r *Registry) Views(ctx context.Context, name string) (*Table, error) {
	views, _ := r.Store().Get(keyViews).([]*Table)
	if views == nil {
		return r.find(ctx, name)
	}
	for _, t := range views {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

// Never searches a field nothing assigns.
func (r *Registry) Never(ctx context.Context, name string) (*Table, error) {
	if r.never == nil {
		return r.find(ctx, name)
	}
	for _, t := range r.never {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

// Given tests what the caller passes: per call.
func (r *Registry) Given(ctx context.Context, tables []*Table, name string) (*Table, error) {
	if tables == nil {
		return r.find(ctx, name)
	}
	for _, t := range tables {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

// Local tests a list it made itself: per call.
func (r *Registry) Local(ctx context.Context, name string) (*Table, error) {
	tables := r.filtered(name)
	if tables == nil {
		return r.find(ctx, name)
	}
	for _, t := range tables {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

func (r *Registry) filtered(name string) []*Table { return nil }

// Entry tests the entry of its key, which nothing keeps: per key, per
// call.
func (r *Registry) Entry(ctx context.Context, name string) (*Table, error) {
	t, _ := r.kv.Get(name).(*Table)
	if t == nil {
		return r.find(ctx, name)
	}
	return t, nil
}

// Current tests one value under a constant key: no snapshot searched.
func (r *Registry) Current(ctx context.Context, name string) (*Table, error) {
	t, _ := r.kv.Get(keyCurrent).(*Table)
	if t == nil {
		return r.find(ctx, name)
	}
	return t, nil
}

// Index is made loaded: its constructor fills the map.
type Index struct {
	r      *Registry
	byName map[string]*Table
}

func NewIndex(ctx context.Context, r *Registry) *Index {
	m := map[string]*Table{}
	for _, t := range r.all(ctx) {
		m[t.Name] = t
	}
	return &Index{r: r, byName: m}
}

func (x *Index) Table(ctx context.Context, name string) (*Table, error) {
	if len(x.byName) == 0 {
		return x.r.find(ctx, name)
	}
	if t, ok := x.byName[name]; ok {
		return t, nil
	}
	return nil, sql.ErrNoRows
}

// Opts is what a caller hands: its list is the caller's, per call.
type Opts struct{ Tables []*Table }

func WithOpts(o *Opts) { o.Tables = []*Table{} }

func (r *Registry) Opted(ctx context.Context, o *Opts, name string) (*Table, error) {
	if o.Tables == nil {
		return r.find(ctx, name)
	}
	for _, t := range o.Tables {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

// Dropped is only ever emptied: never loaded.
func (r *Registry) Dropped(ctx context.Context, name string) (*Table, error) {
	if r.dropped == nil {
		return r.find(ctx, name)
	}
	for _, t := range r.dropped {
		if t.Name == name {
			return t, nil
		}
	}
	return nil, sql.ErrNoRows
}

func (r *Registry) Forget() { r.dropped = nil }

func (r *Registry) Resolve(ctx context.Context, names []string, o *Opts) {
	x := NewIndex(ctx, r)
	r.kv.Set(keyCurrent, &Table{})
	for _, n := range names {
		r.Cached(ctx, n)
		r.CachedOK(ctx, n)
		r.ByID(ctx, n)
		Every(ctx, r, n)
		r.Views(ctx, n)          // want `keyed.\(\*Registry\).Views runs .* once per item of names`
		r.Never(ctx, n)          // want `keyed.\(\*Registry\).Never runs .* once per item of names`
		r.Given(ctx, r.never, n) // want `keyed.\(\*Registry\).Given runs .* once per item of names`
		r.Local(ctx, n)          // want `keyed.\(\*Registry\).Local runs .* once per item of names`
		r.Entry(ctx, n)          // want `keyed.\(\*Registry\).Entry runs .* once per item of names`
		x.Table(ctx, n)
		r.Opted(ctx, o, n) // want `keyed.\(\*Registry\).Opted runs .* once per item of names`
		r.Dropped(ctx, n)  // want `keyed.\(\*Registry\).Dropped runs .* once per item of names`
		r.Current(ctx, n)  // want `keyed.\(\*Registry\).Current runs .* once per item of names`
	}
}
