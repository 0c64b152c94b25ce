// Package api serves orders. A request's queries are those it runs and
// those of the goroutines it waits for; what it starts and leaves running
// is not its own.
package api

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"sync"

	"example.com/async/events"
)

type API struct{ DB *sql.DB }

// Create inserts the order, records it in the audit log on a goroutine it
// does not wait for, counts it, and runs the rules of updates.
func (a *API) Create(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, _ := strconv.ParseInt(r.FormValue("id"), 10, 64)
	a.DB.ExecContext(ctx, `INSERT INTO orders (id) VALUES ($1)`, id)
	go a.audit(id)
	a.DB.ExecContext(ctx, `UPDATE totals SET orders = orders + 1`)
	events.OnUpdate("order", id)
}

func (a *API) audit(id int64) {
	a.DB.ExecContext(context.Background(), `INSERT INTO audit_log (order_id) VALUES ($1)`, id)
}

// Report looks each order up on a goroutine of its own and waits for
// them all: one lookup per order, the request's.
func (a *API) Report(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var wg sync.WaitGroup
	for _, id := range r.URL.Query()["id"] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.DB.QueryRowContext(ctx, `SELECT total FROM orders WHERE id = $1`, id)
		}()
	}
	wg.Wait()
}
