// Package managed creates an organization's fixed managed roles, four,
// in a transaction, through an authorization interface whose enterprise
// implementation forwards to the open one: the loop over the roles runs
// four times whatever the data, and is silent. A list of roles a request
// names is data, and reported.
package managed

import (
	"context"
	"database/sql"
	"net/http"
)

type Role struct{ Name string }

// NewManagedRoles is the fixed set every organization starts with.
func NewManagedRoles(org int64) []*Role {
	return []*Role{{Name: "admin"}, {Name: "editor"}, {Name: "viewer"}, {Name: "anonymous"}}
}

type Store struct{ db *sql.DB }

// RunInTx runs fn in a transaction.
func (s *Store) RunInTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return fn(ctx)
}

func (s *Store) Create(ctx context.Context, r *Role) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO roles (name) VALUES ($1)", r.Name)
	return err
}

// AuthZ is how the modules reach authorization.
type AuthZ interface {
	CreateManagedRoles(ctx context.Context, org int64, roles []*Role) error
	CreateRoles(ctx context.Context, org int64, roles []*Role) error
}

type provider struct{ store *Store }

func (p *provider) CreateManagedRoles(ctx context.Context, _ int64, managedRoles []*Role) error {
	return p.store.RunInTx(ctx, func(ctx context.Context) error {
		for _, role := range managedRoles {
			if err := p.store.Create(ctx, role); err != nil { // silent: the four managed roles
				return err
			}
		}
		return nil
	})
}

func (p *provider) CreateRoles(ctx context.Context, _ int64, roles []*Role) error {
	for _, role := range roles {
		if err := p.store.Create(ctx, role); err != nil { // reported: the roles a request names
			return err
		}
	}
	return nil
}

// enterprise forwards to the open implementation, one any factory
// hands it: the graph cannot tell it from the enterprise one.
type enterprise struct{ open AuthZ }

// Factories make the configured implementation.
var Factories = map[string]func(store *Store, base AuthZ) AuthZ{
	"open":       func(store *Store, _ AuthZ) AuthZ { return &provider{store} },
	"enterprise": func(_ *Store, base AuthZ) AuthZ { return &enterprise{base} },
}

func (e *enterprise) CreateManagedRoles(ctx context.Context, org int64, roles []*Role) error {
	return e.open.CreateManagedRoles(ctx, org, roles)
}

func (e *enterprise) CreateRoles(ctx context.Context, org int64, roles []*Role) error {
	return e.open.CreateRoles(ctx, org, roles)
}

// Orgs creates organizations, then runs what the caller asks in the
// same transaction.
type Orgs struct{ db *sql.DB }

func (o *Orgs) Create(ctx context.Context, org int64, after func(ctx context.Context, org int64) error) error {
	if _, err := o.db.ExecContext(ctx, "INSERT INTO orgs (id) VALUES ($1)", org); err != nil {
		return err
	}
	return after(ctx, org)
}

type Module struct {
	authz AuthZ
	store *Store
	orgs  *Orgs
}

func New(db *sql.DB, enterpriseMode bool) *Module {
	store := &Store{db}
	var authz AuthZ
	for _, name := range []string{"open", "enterprise"} {
		if name == "open" || enterpriseMode {
			authz = Factories[name](store, authz)
		}
	}
	return &Module{authz: authz, store: store, orgs: &Orgs{db}}
}

// Register creates an organization with its managed roles.
func (m *Module) Register(ctx context.Context, org int64) error {
	managedRoles := NewManagedRoles(org)
	return m.store.RunInTx(ctx, func(ctx context.Context) error {
		return m.orgs.Create(ctx, org, func(ctx context.Context, orgID int64) error {
			return m.authz.CreateManagedRoles(ctx, orgID, managedRoles)
		})
	})
}

// Routes registers the module's routes.
func (m *Module) Routes() {
	http.HandleFunc("/register", func(w http.ResponseWriter, r *http.Request) {
		m.Register(r.Context(), 1)
	})
	http.HandleFunc("/roles", func(w http.ResponseWriter, r *http.Request) {
		var roles []*Role
		for _, n := range r.Form["role"] {
			roles = append(roles, &Role{Name: n})
		}
		m.authz.CreateRoles(r.Context(), 1, roles)
	})
}
