// Package fewfield loops over a field of an operation: when every write
// of the field sets it to a few items (what a function builds with one
// append per item of a two-item list of actions), the loop runs that many
// times, like a slice literal ranged over in place, and is silent; a
// field one write fills from the request, or a decoder may fill, is data,
// and reported.
package fewfield

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
)

// Activity is one row a vote writes.
type Activity struct {
	User string
	Kind string
}

// VoteOp is what one vote changes: an activity per action of the vote.
type VoteOp struct {
	Object     string
	Activities []*Activity
}

// activities builds one activity per action: two at most.
func activities(voter, author string, up bool) (acts []*Activity) {
	acts = make([]*Activity, 0)
	var kinds []string
	if up {
		kinds = []string{"vote_up", "voted_up"}
	} else {
		kinds = []string{"vote_down", "voted_down"}
	}
	for _, k := range kinds {
		user := voter
		if k[len(k)-2:] == "up" {
			user = author
		}
		acts = append(acts, &Activity{User: user, Kind: k})
	}
	return acts
}

// Vote saves the activities of a vote.
func Vote(ctx context.Context, db *sql.DB, r *http.Request) {
	op := &VoteOp{Object: r.FormValue("object")}
	op.Activities = activities(r.FormValue("voter"), r.FormValue("author"), r.FormValue("up") != "")
	save(ctx, db, op)
	cancel(ctx, db, existing(ctx, db, op))
}

func save(ctx context.Context, db *sql.DB, op *VoteOp) {
	for _, a := range op.Activities {
		db.ExecContext(ctx, "INSERT INTO activity (object_id, user_id, kind) VALUES ($1, $2, $3)", op.Object, a.User, a.Kind) // silent: two activities at most
	}
}

// existing keeps the activities already saved: no more than the op has.
func existing(ctx context.Context, db *sql.DB, op *VoteOp) []*Activity {
	var found []*Activity
	for _, a := range op.Activities {
		var n int
		if db.QueryRowContext(ctx, "SELECT count(*) FROM activity WHERE object_id = $1 AND user_id = $2", op.Object, a.User).Scan(&n) == nil && n > 0 { // silent: two at most
			found = append(found, a)
		}
	}
	return found
}

func cancel(ctx context.Context, db *sql.DB, acts []*Activity) {
	for _, a := range acts {
		db.ExecContext(ctx, "UPDATE activity SET cancelled = true WHERE user_id = $1", a.User) // silent: what existing kept, two at most
	}
}

// BulkOp is an operation over the items a request names.
type BulkOp struct {
	Items []*Activity
}

// Bulk fills the field from the request: one item per id.
func Bulk(ctx context.Context, db *sql.DB, r *http.Request) {
	op := &BulkOp{}
	for _, id := range r.Form["id"] {
		op.Items = append(op.Items, &Activity{User: id})
	}
	for _, a := range op.Items {
		db.ExecContext(ctx, "DELETE FROM activity WHERE user_id = $1", a.User) // reported: as many as the request's ids
	}
}

// ImportOp is decoded from the request's body.
type ImportOp struct {
	Items []*Activity
}

// Import ranges over a field a decoder fills, though the only write the
// code shows is a literal of one.
func Import(ctx context.Context, db *sql.DB, r *http.Request) {
	op := &ImportOp{Items: []*Activity{{User: "admin"}}}
	json.NewDecoder(r.Body).Decode(op)
	for _, a := range op.Items {
		db.ExecContext(ctx, "INSERT INTO activity (user_id) VALUES ($1)", a.User) // reported: the body's items
	}
}

// Collect builds its list from a built few, then from the request.
func Collect(ctx context.Context, db *sql.DB, r *http.Request) {
	op := &VoteOp{Activities: activities("a", "b", true)}
	var all []*Activity
	for _, a := range op.Activities {
		all = append(all, a)
	}
	for _, id := range r.Form["id"] {
		all = append(all, &Activity{User: id})
	}
	for _, a := range all {
		db.ExecContext(ctx, "DELETE FROM activity WHERE user_id = $1", a.User) // reported: the request's ids too
	}
}

// Routes registers the package's routes.
func Routes(db *sql.DB) {
	http.HandleFunc("/vote", func(w http.ResponseWriter, r *http.Request) { Vote(r.Context(), db, r) })
	http.HandleFunc("/bulk", func(w http.ResponseWriter, r *http.Request) { Bulk(r.Context(), db, r) })
	http.HandleFunc("/import", func(w http.ResponseWriter, r *http.Request) { Import(r.Context(), db, r) })
	http.HandleFunc("/collect", func(w http.ResponseWriter, r *http.Request) { Collect(r.Context(), db, r) })
	http.HandleFunc("/replay", func(w http.ResponseWriter, r *http.Request) { Replay(r.Context(), db, r) })
	http.HandleFunc("/batches", func(w http.ResponseWriter, r *http.Request) { Batches(r.Context(), db, r) })
	http.HandleFunc("/notify", func(w http.ResponseWriter, r *http.Request) { Notify(r.Context(), db, r) })
}

// ReplayOp holds what its maker is given.
type ReplayOp struct {
	Items []*Activity
}

func replayOp(items []*Activity) *ReplayOp { return &ReplayOp{Items: items} }

// Replay ranges over a field set from a parameter: what callers pass.
func Replay(ctx context.Context, db *sql.DB, r *http.Request) {
	var items []*Activity
	for _, id := range r.Form["id"] {
		items = append(items, &Activity{User: id})
	}
	op := replayOp(items)
	for _, a := range op.Items {
		db.ExecContext(ctx, "INSERT INTO replayed (user_id) VALUES ($1)", a.User) // reported: the request's ids, through a parameter
	}
}

// Batch is one of a list of batches a request's body holds.
type Batch struct {
	Items []*Activity
}

// defaultBatch is the batch of one the code writes out.
func defaultBatch() Batch { return Batch{Items: []*Activity{{User: "admin"}}} }

// Batches decodes a list of batches: the decoder fills their fields,
// though the only write the code shows is a literal of one.
func Batches(ctx context.Context, db *sql.DB, r *http.Request) {
	batches := []Batch{defaultBatch()}
	json.NewDecoder(r.Body).Decode(&batches)
	last := batches[len(batches)-1]
	for _, a := range last.Items {
		db.ExecContext(ctx, "INSERT INTO batched (user_id) VALUES ($1)", a.User) // reported: the body's items
	}
}

// Fanout writes a notice to each of its channels after the first (the
// first is written by the caller): the program gives it two.
type Fanout struct {
	db       *sql.DB
	channels []string
}

func NewFanout(db *sql.DB, channels ...string) *Fanout { return &Fanout{db: db, channels: channels} }

// Rest writes the notices of the channels after the first: a part of two.
func (f *Fanout) Rest(ctx context.Context, user string) {
	for _, ch := range f.channels[1:] {
		f.db.ExecContext(ctx, "INSERT INTO notices (user_id, channel) VALUES ($1, $2)", user, ch) // silent: at most two channels
	}
}

// Notify runs the program's fan-out for the request's user.
func Notify(ctx context.Context, db *sql.DB, r *http.Request) {
	NewFanout(db, "mail", "sms").Rest(ctx, r.FormValue("user"))
}
