// Package fewargs checks permissions the way an authorizer does: an
// implementation behind an interface loops over a variadic list of
// checks, a query per check, and wrappers hand their own lists on. Where
// every list is written at its call — one check, a local built with one
// append, or one check per item of a permission list that every caller
// writes out (one to three names) — the loop runs a few times and is
// silent; a list one caller spreads from a query's rows or from the
// request is data, and reported.
package fewargs

import (
	"context"
	"database/sql"
	"net/http"

	"example.net/events"
)

// Check asks for one permission on one space.
type Check struct {
	Space int64
	Perm  string
}

// Authorizer answers whether every check is granted.
type Authorizer interface {
	CheckAll(ctx context.Context, user int64, checks ...Check) error
}

// Members grants what a member's role in a space grants.
type Members struct{ db *sql.DB }

func (m *Members) CheckAll(ctx context.Context, user int64, checks ...Check) error {
	for _, c := range checks {
		var ok bool
		if err := m.db.QueryRowContext(ctx, "SELECT true FROM memberships WHERE space_id = $1 AND user_id = $2 AND perm = $3", c.Space, user, c.Perm).Scan(&ok); err != nil { // silent: every list is written at its call
			return err
		}
	}
	return nil
}

// checkAll is the package's entry to the authorizer.
func checkAll(ctx context.Context, az Authorizer, user int64, checks ...Check) error {
	return az.CheckAll(ctx, user, checks...)
}

// checkSpace hands its list on, one more call up.
func checkSpace(ctx context.Context, az Authorizer, user int64, checks ...Check) error {
	return checkAll(ctx, az, user, checks...)
}

// spaceChecks is the one check a space's view asks.
func spaceChecks(space int64, perm string) []Check {
	var checks []Check
	checks = append(checks, Check{Space: space, Perm: perm})
	return checks
}

// require makes a check per permission its callers write out.
func require(ctx context.Context, az Authorizer, user, space int64, perms ...string) error {
	var checks []Check
	for _, p := range perms {
		checks = append(checks, Check{Space: space, Perm: p})
	}
	return checkSpace(ctx, az, user, checks...)
}

// Tokens revokes tokens by name.
type Tokens struct{ db *sql.DB }

// revoke deletes each token it is passed.
func (t *Tokens) revoke(ctx context.Context, names []string) {
	for _, n := range names {
		t.db.ExecContext(ctx, "DELETE FROM tokens WHERE name = $1", n) // silent: literals of two, and a local only ever set to one
	}
}

// touch marks each id it is passed as seen.
func touch(ctx context.Context, db *sql.DB, ids ...int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE items SET seen = now() WHERE id = $1", id) // reported: Stale spreads a query's rows
	}
}

// Stale touches every stale item: a list read from the database.
func Stale(ctx context.Context, db *sql.DB) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM items WHERE seen < now() - interval '1 day'")
	if err != nil {
		return
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	touch(ctx, db, ids...)
	touch(ctx, db, 1)
}

// label adds a label per name, from a list one caller builds per
// field of the request.
func label(ctx context.Context, db *sql.DB, names []string) {
	for _, n := range names {
		db.ExecContext(ctx, "INSERT INTO labels (name) VALUES ($1)", n) // reported: Labels appends one per form field
	}
}

// grants makes a check per permission; one caller spreads the request's.
type grants struct{ rd *Reader }

func (g grants) grant(ctx context.Context, user, space int64, perms ...string) error {
	var checks []Check
	for _, p := range perms {
		checks = append(checks, Check{Space: space, Perm: p})
	}
	return g.rd.ReadAll(ctx, user, checks...)
}

// Reader records the reads of the grant routes; its loop is reported
// where the request's permissions reach it.
type Reader struct{ db *sql.DB }

func (rd *Reader) ReadAll(ctx context.Context, user int64, checks ...Check) error {
	for _, c := range checks {
		rd.db.ExecContext(ctx, "INSERT INTO reads (space_id, user_id, perm) VALUES ($1, $2, $3)", c.Space, user, c.Perm) // reported: a caller of grant spreads the request's permissions
	}
	return nil
}

// Indexer indexes each event of a batch; the package's own call hands
// it one, and the event bus, which hands it every batch it receives, is
// handed it as its Subscriber.
type Indexer struct{ db *sql.DB }

func (ix Indexer) Handle(ctx context.Context, evs ...events.Event) error {
	for _, e := range evs {
		ix.db.ExecContext(ctx, "INSERT INTO search (kind, id) VALUES ($1, $2)", e.Kind, e.ID) // reported: the bus calls Handle with any batch
	}
	return nil
}

// Config is the server's configuration file.
type Config struct {
	AutoJoin []string `yaml:"auto-join"`
}

// join joins a session to each channel it is passed: the channels the
// configuration file lists, for one caller; the request's, for another.
func join(ctx context.Context, db *sql.DB, channels []string) {
	for _, c := range channels {
		db.ExecContext(ctx, "INSERT INTO joins (channel) VALUES ($1)", c) // reported: /join passes the request's channels
	}
}

// autoJoin joins the channels of the configuration, only.
func autoJoin(ctx context.Context, db *sql.DB, channels []string) {
	for _, c := range channels {
		db.ExecContext(ctx, "INSERT INTO joins (channel) VALUES ($1)", c) // silent: every caller passes a list of the configuration file
	}
}

// Routes registers the package's routes.
// Code is one verification code a batch asks for.
type Code struct{ Phone string }

type issue struct{ code Code }

// maxBatch is as many codes as a batch may ask for.
const maxBatch = 10

// issueMany looks up one SMS setting per request: its callers hand it
// one request, or one per code of a batch of at most maxBatch.
func issueMany(ctx context.Context, db *sql.DB, reqs []*issue) {
	for _, r := range reqs {
		var sender string
		db.QueryRowContext(ctx, "SELECT sender FROM sms_configs WHERE phone_prefix = $1", r.code.Phone[:3]).Scan(&sender) // silent: at most maxBatch
	}
}

// issueAll is issueMany for a list nothing checks.
func issueAll(ctx context.Context, db *sql.DB, reqs []*issue) {
	for _, r := range reqs {
		var sender string
		db.QueryRowContext(ctx, "SELECT sender FROM sms_configs WHERE phone = $1", r.code.Phone).Scan(&sender)
	}
}

// batchIssue turns a batch of more than maxBatch codes down, then issues
// one request per code; the import after it checks nothing.
func batchIssue(w http.ResponseWriter, r *http.Request, db *sql.DB, codes []Code) {
	if l := len(codes); l > maxBatch {
		http.Error(w, "batch too large", http.StatusBadRequest)
		return
	}
	reqs := make([]*issue, 0, len(codes))
	for _, c := range codes {
		reqs = append(reqs, &issue{code: c})
	}
	issueMany(r.Context(), db, reqs)
	all := make([]*issue, 0, len(codes))
	for _, c := range codes {
		all = append(all, &issue{code: c})
	}
	issueAll(r.Context(), db, all)
}

// importCodes issues what a file lists, checked against a page's size.
func importCodes(w http.ResponseWriter, r *http.Request, db *sql.DB, codes []Code) {
	if len(codes) > 1000 {
		http.Error(w, "too many codes", http.StatusBadRequest)
		return
	}
	var reqs []*issue
	for _, c := range codes {
		reqs = append(reqs, &issue{code: c})
	}
	issueAll(r.Context(), db, reqs)
}

func Routes(db *sql.DB, conf *Config) {
	http.HandleFunc("/issue", func(w http.ResponseWriter, r *http.Request) {
		issueMany(r.Context(), db, []*issue{{code: Code{Phone: r.FormValue("phone")}}})
		var codes []Code
		for _, p := range r.Form["phone"] {
			codes = append(codes, Code{Phone: p})
		}
		batchIssue(w, r, db, codes)
		importCodes(w, r, db, codes)
	})
	http.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		autoJoin(r.Context(), db, conf.AutoJoin)
		join(r.Context(), db, conf.AutoJoin)
	})
	http.HandleFunc("/join", func(w http.ResponseWriter, r *http.Request) {
		join(r.Context(), db, r.Form["channel"])
	})
	ix := Indexer{db}
	events.Subscribe("items", ix)
	az := &Members{db}
	http.HandleFunc("/space", func(w http.ResponseWriter, r *http.Request) {
		checkSpace(r.Context(), az, 1, Check{Space: 2, Perm: "view"})
		checkSpace(r.Context(), az, 1, spaceChecks(2, "view")...)
		require(r.Context(), az, 1, 2, "view")
		require(r.Context(), az, 1, 2, "edit", "view", "delete")
	})
	tokens := &Tokens{db}
	http.HandleFunc("/tokens", func(w http.ResponseWriter, r *http.Request) {
		tokens.revoke(r.Context(), []string{"session", "refresh"})
		names := []string{"api"}
		tokens.revoke(r.Context(), names)
	})
	http.HandleFunc("/stale", func(w http.ResponseWriter, r *http.Request) {
		ix.Handle(r.Context(), events.Event{Kind: "stale"})
		Stale(r.Context(), db)
	})
	http.HandleFunc("/labels", func(w http.ResponseWriter, r *http.Request) {
		label(r.Context(), db, []string{"new"})
		var names []string
		for k := range r.Form {
			names = append(names, k)
		}
		label(r.Context(), db, names)
	})
	g := grants{&Reader{db}}
	http.HandleFunc("/grant", func(w http.ResponseWriter, r *http.Request) {
		g.grant(r.Context(), 1, 2, "view")
		g.grant(r.Context(), 1, 2, r.Form["perm"]...)
	})
}
