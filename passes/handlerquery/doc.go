// Package handlerquery defines an Analyzer that reports, per HTTP route,
// what one request costs the database when something in it is worth
// fixing.
//
// # Analyzer handlerquery
//
// handlerquery: report routes that repeat a query, ignore the request's context, or exceed the query budget
//
// What one request of a hot route costs the database is the question
// behind every optimization push. The routes pass counts, for each route,
// the statements one request issues — through the middlewares that wrap
// it, the handler, and every function it calls in any package, with loops
// counted per item — and this check reports the three things in that
// count that have a cheap fix.
//
// The same statement issued twice on one request path by the same function
// with the same arguments: the second round trip returns what the first
// did.
//
//	order, err := h.store.GetOrder(ctx, id)
//	...
//	if err := h.store.CancelOrder(ctx, id); err != nil { ... }
//	order, err = h.store.GetOrder(ctx, id) // the same SELECT again
//
// Keep the first result and update it in Go, or have the write return the
// row (UPDATE ... RETURNING).
//
// A query that does not get the request's context: context.Background()
// or context.TODO() passed where the handler has r.Context(), or an API
// without a context (db.Query instead of db.QueryContext) reached from a
// handler. When the client goes away or the server times the request out,
// such a query keeps running and holds a connection from the pool; under
// load that is how a slow query turns into an outage. Pass r.Context()
// down, and give store functions a ctx parameter. A package whose
// functions take no context, or run their queries with
// context.Background() whatever they are given, is one finding however
// many of its functions the package's handlers call: the fix is one
// decision, in that package. A context a function makes of its own
// (ctx, cancel := context.WithTimeout(context.Background(), d)) and
// hands to each of its queries is one finding too.
//
// A route whose count (see package routes: the handler's heaviest path,
// its middlewares' cheapest path to it) is over the per-request budget
// (-budget, or budget: in .sqlheat.yaml; 10 by default). Queries per item
// of a loop are queryinloop's findings, so the budget counts those issued
// once per request; the message still shows them ("+ 1 per order").
//
// The analyzer is silent for the same statement in different branches of
// an if or switch (only one runs), or on both sides of an early return;
// for the same statement with different arguments (two different rows),
// or through two different functions (loadBuyer(order) and
// loadSeller(order) may share a statement, not a row);
// inside loops (queryinloop's); for writes; for handlers that pass
// r.Context() or a context derived from it (WithTimeout, WithValue); for
// context.WithoutCancel (a deliberate detach); for queries in goroutines
// the handler starts; for contexts it cannot trace (a struct field); and
// for code that is not a request path: background workers, main, tests.
//
// A handler registered by another package is checked in its own package,
// named by its function; the registering package adds what it sees there:
// the middlewares it wraps around it.
package handlerquery
