// Package backends loops, per request, over lists of three kinds: what
// start-up fills from the configuration (as many items as an operator
// configures: low, and the message says so), and what requests fill
// (data: reported as it is).
package backends

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"os"

	"example.com/precision/store"
)

// Registry holds the storage backends the configuration names.
type Registry struct {
	list []string
	db   *sql.DB
}

// Default is the program's registry, which Open fills at start-up.
var Default Registry

func Open(db *sql.DB, names []string) {
	Default.db = db
	for _, n := range names {
		Default.list = append(Default.list, n)
	}
}

// Touch runs per request, one UPDATE per configured backend.
func (r *Registry) Touch(ctx context.Context) {
	for _, name := range r.list {
		r.db.ExecContext(ctx, "UPDATE backends SET seen = now() WHERE name = $1", name) // low: start-up fills r.list
	}
}

// Owners looks each configured backend's owner up, through the store's
// interface: the program graph's finding, low as well.
func (r *Registry) Owners(ctx context.Context, s store.Store) {
	for i := range r.list {
		s.User(ctx, int64(i)) // low: start-up fills r.list
	}
}

// Settings are decoded from a file at start-up, untagged.
type Settings struct {
	Regions []string
}

var settings Settings

func Load(path string) {
	b, _ := os.ReadFile(path)
	json.Unmarshal(b, &settings)
}

func Regions(ctx context.Context, db *sql.DB) {
	for _, r := range settings.Regions {
		db.ExecContext(ctx, "INSERT INTO seen_regions (name) VALUES ($1)", r) // low: decoded at start-up
	}
}

// Sessions are opened by requests: as many as the users make.
type Sessions struct {
	open []string
	db   *sql.DB
}

func NewSessions(db *sql.DB) *Sessions { return &Sessions{db: db} }

func (s *Sessions) Add(id string) { s.open = append(s.open, id) }

func (s *Sessions) Close(ctx context.Context) {
	for _, id := range s.open {
		s.db.ExecContext(ctx, "DELETE FROM sessions WHERE id = $1", id) // reported: a request fills s.open
	}
}

// Batch is a request's body, decoded per request.
type Batch struct {
	IDs []int64
}

func Delete(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	var b Batch
	json.NewDecoder(r.Body).Decode(&b)
	for _, id := range b.IDs {
		db.ExecContext(r.Context(), "DELETE FROM items WHERE id = $1", id) // reported: the request's
	}
}

// Tenants are read from the database at start-up and again by a worker
// every minute: rows, not configuration.
type Tenants struct {
	db  *sql.DB
	ids []int64
}

func (t *Tenants) load(ctx context.Context) {
	rows, _ := t.db.QueryContext(ctx, "SELECT id FROM tenants")
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	t.ids = ids
}

func OpenTenants(ctx context.Context, db *sql.DB) *Tenants {
	t := &Tenants{db: db}
	t.load(ctx)
	return t
}

func (t *Tenants) Refresh(ctx context.Context, tick <-chan struct{}) {
	for range tick {
		t.load(ctx)
	}
}

func (t *Tenants) Touch(ctx context.Context) {
	for _, id := range t.ids {
		t.db.ExecContext(ctx, "UPDATE tenants SET seen = now() WHERE id = $1", id) // reported: a job refills t.ids
	}
}

// Zones are the configured zones; Match filters them.
type Zones []string

// Match returns the configured zones with the prefix: a few of them.
func (zs Zones) Match(prefix string) (out []string) {
	for _, z := range zs {
		if len(z) >= len(prefix) && z[:len(prefix)] == prefix {
			out = append(out, z)
		}
	}
	return out
}

var zones Zones

// LoadZones fills the zones at start-up.
func LoadZones(names []string) {
	for _, n := range names {
		zones = append(zones, n)
	}
}

// Replicate writes one task per configured zone the key matches.
func Replicate(ctx context.Context, db *sql.DB, key string) {
	for _, z := range zones.Match(key[:1]) {
		db.ExecContext(ctx, "INSERT INTO tasks (zone, key) VALUES ($1, $2)", z, key) // low: start-up fills zones
	}
}

// Visited filters the zones a request names: data.
func Visited(ctx context.Context, db *sql.DB, names []string) {
	for _, z := range Zones(names).Match("eu") {
		db.ExecContext(ctx, "INSERT INTO visits (zone) VALUES ($1)", z) // reported: a request's list
	}
}

// Replicator holds the zones its constructor is given at start-up.
type Replicator struct {
	zones Zones
	db    *sql.DB
}

func NewReplicator(db *sql.DB, zones Zones) *Replicator { return &Replicator{zones: zones, db: db} }

// Replicate writes one task per configured zone the key matches.
func (r *Replicator) Replicate(ctx context.Context, key string) {
	for _, z := range r.zones.Match(key[:1]) {
		r.db.ExecContext(ctx, "INSERT INTO tasks (zone, key) VALUES ($1, $2)", z, key) // low: start-up sets r.zones
	}
}

// Mirrors are the configured mirrors. Add, for tests, appends one: only
// backends_test.go calls it, so the list the program runs with is what
// NewMirrors was given at start-up.
type Mirrors struct {
	list []string
	db   *sql.DB
}

// NewMirrors creates the mirrors' table if need be: a schema change, no
// rows read, so the list is still as long as configured.
func NewMirrors(db *sql.DB, list []string) *Mirrors {
	db.Exec("CREATE TABLE IF NOT EXISTS mirrors (name text PRIMARY KEY, synced timestamptz)")
	return &Mirrors{list: list, db: db}
}

// Add registers a mirror; meant for tests.
func (m *Mirrors) Add(name string) { m.list = append(m.list, name) }

func (m *Mirrors) Sync(ctx context.Context) {
	for _, name := range m.list {
		m.db.ExecContext(ctx, "UPDATE mirrors SET synced = now() WHERE name = $1", name) // low: only start-up and tests fill m.list
	}
}

// Peers are configured at start-up too, but a request adds to them
// (Join): data.
type Peers struct {
	list []string
	db   *sql.DB
}

func NewPeers(db *sql.DB, list []string) *Peers { return &Peers{list: list, db: db} }

func (p *Peers) Join(name string) { p.list = append(p.list, name) }

func (p *Peers) Ping(ctx context.Context) {
	for _, name := range p.list {
		p.db.ExecContext(ctx, "UPDATE peers SET pinged = now() WHERE name = $1", name) // reported: a request's Join fills p.list
	}
}

// String describes the registry, checking each configured backend: fmt
// calls it (the registry goes to a logger as any), no entry the graph
// knows does. Whatever runs it, its loop is as long as configured.
func (r *Registry) String() string {
	s := "backends up:"
	for _, name := range r.list {
		if r.db.QueryRow("SELECT 1 FROM backends WHERE name = $1 AND up", name).Err() == nil { // low: start-up fills r.list
			s += " " + name
		}
	}
	return s
}

// Page is a page of what a request lists.
type Page[T any] struct{ Items []T }

// NewPage makes a page of the items: requests and the tests call it.
func NewPage[T any](items []T) *Page[T] { return &Page[T]{Items: items} }

// Visit records a visit per name of the request's page.
func Visit(ctx context.Context, db *sql.DB, names []string) {
	page := NewPage(names)
	for _, n := range page.Items {
		db.ExecContext(ctx, "INSERT INTO page_visits (name) VALUES ($1)", n) // reported: the request's page
	}
}

// Warm is the page start-up warms the cache with.
func Warm(names []string) *Page[string] { return &Page[string]{Items: names} }
