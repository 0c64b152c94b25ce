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

type API struct {
	DB      *sql.DB
	pending sync.WaitGroup // the notices left to send, waited for by Close
}

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

// Summary counts the customers and sums the orders at once, each a job
// queue starts on a goroutine under the wait group it is handed (one job
// queueing another); it waits for them on a goroutine of its own and
// selects on that and the first error: both the request's.
func (a *API) Summary(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	queue(&wg, errs, func() error {
		return a.DB.QueryRowContext(ctx, `SELECT count(*) FROM customers`).Err()
	})
	queue(&wg, errs, func() error {
		queue(&wg, errs, func() error {
			return a.DB.QueryRowContext(ctx, `SELECT sum(total) FROM orders`).Err()
		})
		return nil
	})
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-errs:
	}
}

// queue adds a job to wg and runs it on a goroutine; its error goes to
// errs unless one is there already.
func queue(wg *sync.WaitGroup, errs chan<- error, f func() error) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := f(); err != nil {
			select {
			case errs <- err:
			default:
			}
		}
	}()
}

// Notify sends the notice in the background: Close, at shutdown, waits
// for what is pending, no request does.
func (a *API) Notify(w http.ResponseWriter, r *http.Request) {
	background(&a.pending, func() {
		a.DB.ExecContext(context.Background(), `INSERT INTO notices (body) VALUES ($1)`, r.FormValue("body"))
	})
}

func background(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Close waits for the notices pending.
func (a *API) Close() { a.pending.Wait() }
