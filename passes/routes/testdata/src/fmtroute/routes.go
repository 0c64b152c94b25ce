package fmtroute

import (
	"context"
	"database/sql"
	"net/http"
)

type api struct{ db *sql.DB }

func (x *api) query(ctx context.Context, r *http.Request) Encoder {
	x.db.QueryRowContext(ctx, "SELECT id FROM users")
	return nil
}

func (x *api) create(ctx context.Context, r *http.Request) Encoder {
	x.db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", r.FormValue("name"))
	return nil
}

// authorize looks the session up before the handler runs.
func authorize(db *sql.DB) MidFunc {
	m := func(next HandlerFunc) HandlerFunc {
		h := func(ctx context.Context, r *http.Request) Encoder {
			db.QueryRowContext(ctx, "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
			return next(ctx, r)
		}
		return h
	}
	return m
}

func rawHandler(w http.ResponseWriter, r *http.Request) {}

// Routes registers through the App's helpers. (The session lookup of
// authorize, a middleware of the App's own shape, is the standalone
// driver's to count: see internal/driver's fmtroute test.)
func Routes(a *App, db *sql.DB) {
	const version = "v1"
	x := &api{db}
	authen := authorize(db)

	a.HandlerFunc(http.MethodGet, version, "/users", x.query, authen) // want `route GET /v1/users \[GET /v1/users\] -> fmtroute.authorize → fmtroute.\(\*api\).query: 1$`
	a.HandlerFunc(http.MethodPost, "", "/users", x.create)            // want `route POST /users \[POST /users\] -> fmtroute.\(\*api\).create: 1$`
	a.Raw(http.MethodGet, version, "/raw", rawHandler)                // want `route GET /api/v1/raw \[GET /api/v1/raw\] -> fmtroute.rawHandler: 0$`
	a.Logged(http.MethodGet, "/users", x.query)
	a.Versioned(1, "/users", x.query)
	a.Quoted(http.MethodGet, "/users", x.query)
	a.Looped([]string{"v1"}, "/users", x.query)
}
