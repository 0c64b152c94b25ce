package api

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/batchloader/loader"
)

type key struct{}

// Middleware makes the request's loaders.
func Middleware(db *sql.DB) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ls := &loader.Loaders{Users: loader.NewUsers(db), Orders: loader.NewOrders(db)}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), key{}, ls)))
		})
	}
}

func loaders(ctx context.Context) *loader.Loaders {
	ls, _ := ctx.Value(key{}).(*loader.Loaders)
	return ls
}

func me(w http.ResponseWriter, r *http.Request) {
	loaders(r.Context()).Users.Load(r.Header.Get("Authorization"))
}

func orders(w http.ResponseWriter, r *http.Request) {
	loaders(r.Context()).Orders.Load(r.URL.Query().Get("id"))
}

// notifier closes sent when its goroutine is done; nothing waits for it.
type notifier struct {
	sent chan struct{}
}

func (n *notifier) start(db *sql.DB) {
	go n.send(db)
}

func (n *notifier) send(db *sql.DB) {
	db.Exec("INSERT INTO notifications (body) VALUES ('hi')")
	close(n.sent)
}

func notify(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := &notifier{sent: make(chan struct{})}
		n.start(db)
	}
}

// Routes registers the service's routes.
func Routes(db *sql.DB) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /me", Middleware(db)(http.HandlerFunc(me)))
	mux.Handle("GET /orders", Middleware(db)(http.HandlerFunc(orders)))
	mux.Handle("POST /notify", Middleware(db)(notify(db)))
	return mux
}
