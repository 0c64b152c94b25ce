// Package shop is an HTTP API over shopstore: each handler is a positive
// or a negative of one handlerquery finding.
package shop

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"shopstore"
)

type H struct {
	store *shopstore.Store
	db    *sql.DB
}

func id(r *http.Request) int64 {
	n, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return n
}

// cancel reads the order again after cancelling it: the same SELECT twice.
func (h *H) cancel(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	oid := id(r)
	order, err := h.store.GetOrder(ctx, oid) // fix `^reuse the first result: each repeat is one more round trip on every request$` // want `^POST /orders/\{id\}/cancel calls shopstore.\(\*Store\).GetOrder twice per request with the same arguments \(lines 29 and 35\)$`
	if err != nil || order.Status != "pending" {
		http.Error(w, "no", http.StatusConflict)
		return
	}
	h.store.CancelOrder(ctx, oid)
	order, _ = h.store.GetOrder(ctx, oid)
	_ = order
}

// branches reads the order in one branch or the other: one per request.
func (h *H) branches(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("fresh") != "" {
		h.store.GetOrder(r.Context(), id(r))
	} else {
		h.store.GetOrder(r.Context(), id(r))
	}
	switch r.Method {
	case http.MethodGet:
		h.store.Count(r.Context(), "orders")
	case http.MethodHead:
		h.store.Count(r.Context(), "orders")
	}
}

// early reads in an early return and after it: never both.
func (h *H) early(w http.ResponseWriter, r *http.Request) {
	oid := id(r)
	if r.URL.Query().Get("cached") == "" {
		if r.Header.Get("X") != "" {
			h.store.GetOrder(r.Context(), oid)
			return
		}
	}
	h.store.GetOrder(r.Context(), oid)
}

// two reads two different orders: the same statement, other rows.
func (h *H) two(w http.ResponseWriter, r *http.Request) {
	h.store.GetOrder(r.Context(), 1)
	h.store.GetOrder(r.Context(), 2)
	oid := id(r)
	h.store.GetOrder(r.Context(), oid)
	oid++
	h.store.GetOrder(r.Context(), oid)
}

// buyerAndSeller loads two orders through two helpers given the same
// argument: the same statement, but nothing says the same row.
func (h *H) buyerAndSeller(w http.ResponseWriter, r *http.Request) {
	oid := id(r)
	h.buyer(r.Context(), oid)
	h.seller(r.Context(), oid)
}

func (h *H) buyer(ctx context.Context, oid int64)  { h.store.GetOrder(ctx, oid) }
func (h *H) seller(ctx context.Context, oid int64) { h.store.GetOrder(ctx, oid+1) }

// load is a helper of this package: followed into, so calling it twice
// with the same arguments repeats its query.
func (h *H) load(ctx context.Context, oid int64) shopstore.Order {
	o, _ := h.store.GetOrder(ctx, oid)
	return o
}

func (h *H) viaHelper(w http.ResponseWriter, r *http.Request) {
	oid := id(r)
	h.load(r.Context(), oid) // want `GET /helper/\{id\} calls shop.\(\*H\).load twice per request with the same arguments \(lines 96 and 97\)`
	h.load(r.Context(), oid)
}

// lookup hands the store a background context.
func (h *H) lookup(w http.ResponseWriter, r *http.Request) {
	h.store.GetOrder(context.Background(), id(r)) // fix `^pass r.Context\(\) instead of context.Background\(\), so that the query "SELECT id, status FROM orders WHERE id = \$1" \(store.go:\d+\) stops with the request$` // want `^GET /lookup/\{id\} passes context.Background\(\) to shopstore.\(\*Store\).GetOrder: the client cannot cancel its query$`
	ctx := context.TODO()
	h.store.CancelOrder(ctx, id(r)) // want `GET /lookup/\{id\} passes ctx to shopstore.\(\*Store\).CancelOrder: the client cannot cancel its query`
	bg, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	h.load(bg, 1) // fix `instead of bg, so that the query "SELECT id, status FROM orders WHERE id = \$1"` // want `GET /lookup/\{id\} passes bg to shop.\(\*H\).load: the client cannot cancel its query`
	h.load(bg, 2) // the same context, the same finding: above
}

// product reaches an API without a context, through the store and here.
func (h *H) product(w http.ResponseWriter, r *http.Request) {
	h.store.ProductBySKU(r.PathValue("sku"))                    // fix `^give shopstore.\(\*Store\).ProductBySKU a ctx parameter, run the query "SELECT id FROM products WHERE sku = \$1" \(store.go:\d+\) with the Context form, and pass r.Context\(\); the same holds for 1 more function of shopstore that this package's handlers call \(shopstore.\(\*Store\).PriceOf\)$` // want `^GET /products/\{sku\} \(and 1 more route\) calls shopstore.\(\*Store\).ProductBySKU, whose query the client cannot cancel$`
	h.db.QueryRow("SELECT price FROM prices WHERE sku = $1", 1) // fix `^use its Context form, with r.Context\(\)$` // want `^GET /products/\{sku\} runs a query with sql.\(\*DB\).QueryRow, which takes no context: the client cannot cancel it$`
	h.store.Touch(r.Context(), 1)                               // fix `^pass the ctx parameter of shopstore.\(\*Store\).Touch through to the query "UPDATE sessions SET seen_at = now\(\) WHERE id = \$1" \(store.go:\d+\), which runs with context.Background\(\); the same holds for 1 more function of shopstore that this package's handlers call \(shopstore.\(\*Store\).Seen\)$` // want `^GET /products/\{sku\} \(and 1 more route\) calls shopstore.\(\*Store\).Touch, whose query the client cannot cancel$`
}

// price reaches the same context-less store function: one finding for
// both routes, at the first call.
func (h *H) price(w http.ResponseWriter, r *http.Request) {
	h.store.ProductBySKU(r.URL.Query().Get("sku"))
	h.store.PriceOf(r.URL.Query().Get("sku")) // the same package-wide finding, above
	h.store.Seen(r.Context(), 2)              // and Touch's: the package runs its queries with context.Background()
}

// good passes the request's context, or one derived from it: silent.
func (h *H) good(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	h.store.GetOrder(ctx, 1)
	h.load(r.Context(), 2)
	h.store.CancelOrder(context.WithoutCancel(r.Context()), 3) // detached on purpose
	go h.store.Touch(context.Background(), 4)                  // outlives the request on purpose
	h.store.Lines(r.Context(), []int64{1, 2})
}

// later hands a timer a closure, which runs after the request on the
// timer's goroutine: its background context is right. A closure a
// helper runs in place is the request's.
func (h *H) later(w http.ResponseWriter, r *http.Request) {
	time.AfterFunc(time.Minute, func() {
		h.store.GetOrder(context.Background(), 5) // outlives the request on purpose
	})
	run(func() {
		h.store.GetOrder(context.Background(), 6) // want `^GET /later passes context.Background\(\) to shopstore.\(\*Store\).GetOrder: the client cannot cancel its query$`
	})
}

func run(f func()) { f() }

// busy issues eleven queries per request, over the budget of ten.
func (h *H) busy(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	for _, t := range []string{"a", "b", "c", "d", "e"} {
		_ = t
	}
	h.store.Count(ctx, "a")
	h.store.Count(ctx, "b")
	h.store.Count(ctx, "c")
	h.store.Count(ctx, "d")
	h.store.Count(ctx, "e")
	h.store.Count(ctx, "f")
	h.store.Count(ctx, "g")
	h.store.Count(ctx, "h")
	h.store.Count(ctx, "i")
	h.store.Count(ctx, "j")
	h.store.GetOrder(ctx, 1)
	h.store.Lines(ctx, []int64{1})
}

// tenth issues exactly the budget: silent.
func (h *H) tenth(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.store.Count(ctx, "a")
	h.store.Count(ctx, "b")
	h.store.Count(ctx, "c")
	h.store.Count(ctx, "d")
	h.store.Count(ctx, "e")
	h.store.Count(ctx, "f")
	h.store.Count(ctx, "g")
	h.store.Count(ctx, "h")
	h.store.Count(ctx, "i")
	h.store.Count(ctx, "j")
}

// session is middleware that checks the session on every request, and
// uses a background context for it.
func (h *H) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.store.GetOrder(context.Background(), 0) // want `GET /wrapped passes context.Background\(\) to shopstore.\(\*Store\).GetOrder: `
		next.ServeHTTP(w, r)
	})
}

func (h *H) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders/{id}/cancel", h.cancel)
	mux.HandleFunc("GET /branches/{id}", h.branches)
	mux.HandleFunc("GET /early/{id}", h.early)
	mux.HandleFunc("GET /two/{id}", h.two)
	mux.HandleFunc("GET /pair/{id}", h.buyerAndSeller)
	mux.HandleFunc("GET /helper/{id}", h.viaHelper)
	mux.HandleFunc("GET /lookup/{id}", h.lookup)
	mux.HandleFunc("GET /products/{sku}", h.product)
	mux.HandleFunc("GET /good", h.good)
	mux.HandleFunc("GET /price", h.price)
	mux.HandleFunc("GET /busy", h.busy) // fix `^batch the lookups, or cache what does not change per request \(its queries are the related places\)$` // want `^GET /busy issues 11 queries per request \+ 1 per item, over the budget of 10$`
	mux.HandleFunc("GET /tenth", h.tenth)
	mux.HandleFunc("GET /later", h.later)
	mux.HandleFunc("GET /settings", h.settings)           // want `^GET /settings issues 11 queries per request, over the budget of 10$`
	mux.HandleFunc("GET /settings/keys", h.settingsByKey) // want `^GET /settings/keys issues 12 queries per request, over the budget of 10$`
	mux.Handle("GET /wrapped", h.session(http.HandlerFunc(h.good)))
}

// Export is a handler no registration here reaches: it is checked under
// its own name.
func (h *H) Export(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(context.Background(), "SELECT id FROM orders") // want `handler shop.\(\*H\).Export passes context.Background\(\) to sql.\(\*DB\).QueryContext`
}

// settings reads a setting per item through a cache, by a key the same
// for every item: its read runs once, counted per request, not per item.
func (h *H) settings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.store.Count(ctx, "a")
	h.store.Count(ctx, "b")
	h.store.Count(ctx, "c")
	h.store.Count(ctx, "d")
	h.store.Count(ctx, "e")
	h.store.Count(ctx, "f")
	h.store.Count(ctx, "g")
	h.store.Count(ctx, "h")
	h.store.Count(ctx, "i")
	h.store.Count(ctx, "j")
	for range r.URL.Query()["key"] {
		h.store.Setting(ctx, "theme")
	}
}

// settingsByKey reads a setting per item through the store's cache, by
// each item's own key: a cache the process keeps, warm after the first
// requests, so the loop's read counts once per request, as settings'.
func (h *H) settingsByKey(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.settings(w, r)
	keys := r.URL.Query()["key"]
	for _, k := range keys {
		h.store.Setting(ctx, k)
	}
}
