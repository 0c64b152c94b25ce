// Package passed loops over what its callers pass: a list every caller
// writes out with a few items (a one-element []string{p}, one variadic
// argument, a handful of middlewares) runs its loop that many times,
// like a slice literal ranged over in place, and is silent; a list one
// caller fills from the request is data, and reported.
package passed

import (
	"context"
	"database/sql"
	"net/http"
)

// Unlink runs one DELETE per provider; both its callers pass one.
func Unlink(ctx context.Context, db *sql.DB, account int64, providers []string) {
	for _, p := range providers {
		db.ExecContext(ctx, "DELETE FROM identities WHERE account_id = $1 AND provider = $2", account, p) // silent: every caller passes one
	}
}

func UnlinkOne(ctx context.Context, db *sql.DB, account int64, provider string) {
	Unlink(ctx, db, account, []string{provider})
}

func UnlinkPair(ctx context.Context, db *sql.DB, account int64, a, b string) {
	Unlink(ctx, db, account, []string{a, b})
}

// Repo marks items of one kind; kinds embed it.
type Repo struct {
	db   *sql.DB
	kind string
}

// upsert inserts an annotation per item: as many as Star is passed.
func (r Repo) upsert(ctx context.Context, ids ...string) {
	for _, id := range ids {
		r.db.ExecContext(ctx, "INSERT INTO stars (kind, item) VALUES ($1, $2)", r.kind, id) // silent: Star's callers pass one id
	}
}

func (r Repo) Star(ctx context.Context, ids ...string) { r.upsert(ctx, ids...) }

type Albums struct{ Repo }

// Starrer is how requests star items, whatever their kind.
type Starrer interface {
	Star(ctx context.Context, ids ...string)
}

func NewAlbums(db *sql.DB) Starrer { return Albums{Repo{db, "album"}} }

// StarOne stars the item of a request, through the interface.
func StarOne(ctx context.Context, s Starrer, r *http.Request) {
	s.Star(ctx, r.FormValue("id"))
}

// Tag tags items: one caller passes one, another every id of the request.
func Tag(ctx context.Context, db *sql.DB, ids []string) {
	for _, id := range ids {
		db.ExecContext(ctx, "INSERT INTO tags (item) VALUES ($1)", id) // reported: TagAll passes the request's ids
	}
}

func TagOne(ctx context.Context, db *sql.DB, id string) { Tag(ctx, db, []string{id}) }

func TagAll(ctx context.Context, db *sql.DB, r *http.Request) { Tag(ctx, db, r.Form["id"]) }

// Touch is variadic, and its caller spreads a list of the request's.
func Touch(ctx context.Context, db *sql.DB, names ...string) {
	for _, n := range names {
		db.ExecContext(ctx, "UPDATE names SET seen = now() WHERE name = $1", n) // reported: a spread list is data
	}
}

func TouchAll(ctx context.Context, db *sql.DB, r *http.Request) { Touch(ctx, db, r.Form["name"]...) }

// Middleware runs before a handler.
type Middleware interface {
	Before(r *http.Request) error
}

// Session looks the request's session up.
type Session struct{ db *sql.DB }

func (s Session) Before(r *http.Request) error {
	var user int64
	return s.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token")).Scan(&user)
}

type Logger struct{}

func (Logger) Before(r *http.Request) error { return nil }

// Wrap makes a handler running the middlewares its callers list.
func Wrap(h http.HandlerFunc, mws ...Middleware) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, m := range mws {
			if err := m.Before(r); err != nil { // silent: every caller lists two
				return
			}
		}
		h(w, r)
	}
}

// Chain is Wrap for a list of middlewares made one per name.
func Chain(h http.HandlerFunc, mws ...Middleware) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, m := range mws {
			m.Before(r) // reported: Routes appends one per name, in a loop
		}
		h(w, r)
	}
}

// Routes registers the package's routes.
func Routes(db *sql.DB, names []string, verbose bool) {
	albums := NewAlbums(db)
	http.HandleFunc("/unlink", func(w http.ResponseWriter, r *http.Request) {
		UnlinkOne(r.Context(), db, 1, r.FormValue("provider"))
		UnlinkPair(r.Context(), db, 1, "a", "b")
		StarOne(r.Context(), albums, r)
		TagOne(r.Context(), db, r.FormValue("id"))
		TagAll(r.Context(), db, r)
		TouchAll(r.Context(), db, r)
	})
	http.HandleFunc("/wrapped", Wrap(func(w http.ResponseWriter, r *http.Request) {}, Logger{}, Session{db}))
	// A list built of literals and appends of items written out, none
	// in a loop, holds as many as they write.
	mws := []Middleware{Session{db}}
	if verbose {
		mws = append(mws, Logger{})
	}
	http.HandleFunc("/built", Wrap(func(w http.ResponseWriter, r *http.Request) {}, mws...))
	var each []Middleware
	for range names {
		each = append(each, Session{db})
	}
	http.HandleFunc("/each", Chain(func(w http.ResponseWriter, r *http.Request) {}, each...))
}

// writeMeta writes each key of a map its callers fill.
func writeMeta(ctx context.Context, db *sql.DB, meta map[string]string) {
	for k, v := range meta {
		db.ExecContext(ctx, "INSERT INTO meta (k, v) VALUES ($1, $2)", k, v) // silent: every caller puts a few keys
	}
}

// writeForm writes each key of a map one caller fills from the request.
func writeForm(ctx context.Context, db *sql.DB, meta map[string]string) {
	for k, v := range meta {
		db.ExecContext(ctx, "INSERT INTO meta (k, v) VALUES ($1, $2)", k, v) // reported: a key per form field
	}
}

// MetaRoutes registers the routes writing metadata.
func MetaRoutes(db *sql.DB) {
	http.HandleFunc("/meta", func(w http.ResponseWriter, r *http.Request) {
		meta := make(map[string]string)
		meta["agent"] = r.UserAgent()
		meta["host"] = r.Host
		writeMeta(r.Context(), db, meta)
		one := map[string]string{"seen": "1"}
		one["by:"+r.FormValue("user")] = "1"
		writeMeta(r.Context(), db, one)
		writeForm(r.Context(), db, map[string]string{"seen": "1"})
		form := map[string]string{"seen": "1"}
		for k := range r.Form {
			form[k] = r.Form.Get(k)
		}
		writeForm(r.Context(), db, form)
	})
}

// Alert groups the decisions of one source.
type Alert struct {
	Source    string
	Decisions []string
}

// fill hands each decision to the alert of its source, in place, and
// returns the alerts it was given: as many as it was handed.
func fill(alerts []*Alert, decisions []string) []*Alert {
	for _, d := range decisions {
		for i := range alerts {
			if alerts[i].Source == d {
				alerts[i].Decisions = append(alerts[i].Decisions, d)
				break
			}
		}
	}
	return alerts
}

// keep drops, in place, the alerts of no decision: a slice of its list.
func keep(alerts []*Alert) []*Alert {
	n := 0
	for _, a := range alerts {
		if len(a.Decisions) > 0 {
			alerts[n] = a
			n++
		}
	}
	return alerts[:n]
}

// split adds an alert per decision: not the list it was handed.
func split(alerts []*Alert, decisions []string) []*Alert {
	for _, d := range decisions {
		alerts = append(alerts, &Alert{Source: d})
	}
	return alerts
}

// saveAlerts saves each alert its callers make.
func saveAlerts(ctx context.Context, db *sql.DB, alerts []*Alert) {
	for _, a := range alerts {
		db.ExecContext(ctx, "INSERT INTO alerts (source) VALUES ($1)", a.Source) // silent: one alert, filled and filtered in place
	}
}

// saveSplit saves each alert of a list split grows by a decision each.
func saveSplit(ctx context.Context, db *sql.DB, alerts []*Alert) {
	for _, a := range alerts {
		db.ExecContext(ctx, "INSERT INTO alerts (source) VALUES ($1)", a.Source) // reported: one alert per decision
	}
}

// AlertRoutes registers the routes saving alerts.
func AlertRoutes(db *sql.DB) {
	http.HandleFunc("/alerts", func(w http.ResponseWriter, r *http.Request) {
		decisions := r.Form["decision"]
		alerts := []*Alert{{Source: "community"}}
		alerts = fill(alerts, decisions)
		saveAlerts(r.Context(), db, keep(alerts))
		more := []*Alert{{Source: "community"}}
		more = split(more, decisions)
		saveSplit(r.Context(), db, more)
	})
}
