// Package orgjobs runs a multi-tenant service's background work one
// organization at a time: a loop over the tenants, in a job, is how the
// job is partitioned — each iteration that customer's own work — and is
// silent. A loop over the items within a tenant, or over a user's
// organizations on a request, is data, and reported.
package orgjobs

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// Organization is a tenant: every row of the service belongs to one.
type Organization struct {
	ID      int64
	Members []*OrgMember
}

// OrgMember is a user's membership of an organization: not a tenant.
type OrgMember struct {
	UserID int64
}

// EnvironmentV2 is a tenant's environment (versioned, as some APIs name
// them): a tenant too.
type EnvironmentV2 struct{ ID string }

// Syncer refreshes each tenant's usage on a ticker.
type Syncer struct{ db *sql.DB }

func New(db *sql.DB) *Syncer { return &Syncer{db} }

func (s *Syncer) orgs(ctx context.Context) []*Organization {
	rows, _ := s.db.QueryContext(ctx, "SELECT id FROM organizations")
	defer rows.Close()
	var orgs []*Organization
	for rows.Next() {
		o := &Organization{}
		rows.Scan(&o.ID)
		orgs = append(orgs, o)
	}
	return orgs
}

// usage is one organization's own bulk work.
func (s *Syncer) usage(ctx context.Context, org int64) {
	s.db.ExecContext(ctx, "UPDATE usage SET total = (SELECT count(*) FROM events WHERE org_id = $1) WHERE org_id = $1", org)
}

func (s *Syncer) environments(ctx context.Context) []EnvironmentV2 {
	rows, _ := s.db.QueryContext(ctx, "SELECT id FROM environments")
	defer rows.Close()
	var envs []EnvironmentV2
	for rows.Next() {
		var e EnvironmentV2
		rows.Scan(&e.ID)
		envs = append(envs, e)
	}
	return envs
}

// Run is the job.
func (s *Syncer) Run(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for _, org := range s.orgs(ctx) {
			s.usage(ctx, org.ID) // silent: a job's loop over tenants
			for _, m := range org.Members {
				s.db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", m.UserID) // reported: a query per member of each organization
			}
		}
		for _, env := range s.environments(ctx) {
			s.db.ExecContext(ctx, "DELETE FROM flags WHERE environment_id = $1 AND archived", env.ID) // silent: one environment's own purge
		}
		var members []*OrgMember
		for _, org := range s.orgs(ctx) {
			members = append(members, org.Members...)
		}
		for _, m := range members {
			s.db.ExecContext(ctx, "UPDATE users SET active = true WHERE id = $1", m.UserID) // reported: memberships are not tenants
		}
	}
}

// Mine lists the organizations of the request's user, each with a
// count: on a request, a query per organization is an N+1.
func Mine(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := &Syncer{db}
		for _, org := range s.orgs(r.Context()) {
			var n int
			db.QueryRowContext(r.Context(), "SELECT count(*) FROM projects WHERE org_id = $1", org.ID).Scan(&n) // reported: a route's loop
		}
	}
}
