package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A route table returned by a method of an interface two packages
// implement (testdata/rtable, see program/tables.go): each row of the
// literals they return is its route, registered at the row, with its
// method, its path (under the router's prefix: "…" for one that is not
// constant) and its handler's queries, in place of the one route the
// registration was and of its handlers listed as no route's; a row's
// closure (in the constructor setting the table's field) is named where
// it is written; rows appended to the field (append(h.table,
// h.extra()...), extra returning a literal) are rows too. The row of
// a path that is not constant is "…". A table a function builds in a
// local slice by appends (legacy, in a loop over data) has a row per
// value appended: its path "…" as it is not constant, its method and
// handler the row's; with every table read, the one route the
// registration was is gone. A finding in a row's handler names the
// row's routes. A row a helper makes from its arguments (route("/made",
// list(db), logged), returning Route{Path: path, ...}) is read through
// it, and a handler wrapped in the row's middlewares in place (handler =
// mw(handler)) is still the row's.
func TestRouteTablesReturned(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/rtable", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := routeLines(rep, fileLinePer)
	const mw = "api.Middleware.Middleware → "
	want := []string{
		"cards/cards.go:21 GET /cards -> " + mw + "cards.(*handlers).list [cards/cards.go:28 once]",
		"cards/cards.go:21 GET …/cards -> " + mw + "cards.(*handlers).list [cards/cards.go:28 once]",
		"cards/cards.go:22 DELETE /cards/{id} -> " + mw + "cards.(*handlers).remove [cards/cards.go:32 once]",
		"cards/cards.go:22 DELETE …/cards/{id} -> " + mw + "cards.(*handlers).remove [cards/cards.go:32 once]",
		"cards/cards.go:23 GET … -> " + mw + "cards.(*handlers).export [cards/cards.go:36 once]",
		"legacy/legacy.go:19 GET … -> " + mw + "legacy.(*handlers).old [legacy/legacy.go:25 once]",
		"made/made.go:26 GET /made -> made.list [made/made.go:33 once]", // a row a helper makes from its arguments
		"made/made.go:27 ANY /made/ping -> made.ping",
		"notes/notes.go:19 POST /notes -> " + mw + "notes.(*handlers).create [notes/notes.go:42 loop]",
		"notes/notes.go:19 POST …/notes -> " + mw + "notes.(*handlers).create [notes/notes.go:42 loop]",
		"notes/notes.go:20 GET /notes/count -> " + mw + "func literal in notes.New [notes/notes.go:21 once]",
		"notes/notes.go:20 GET …/notes/count -> " + mw + "func literal in notes.New [notes/notes.go:21 once]",
		"notes/notes.go:30 DELETE /notes/{id} -> " + mw + "notes.(*handlers).remove [notes/notes.go:34 once]",
		"notes/notes.go:30 DELETE …/notes/{id} -> " + mw + "notes.(*handlers).remove [notes/notes.go:34 once]",
		"stdroutes/stdroutes.go:16 GET /tags -> func literal in stdroutes.Table [stdroutes/stdroutes.go:17 once]",
		"stdroutes/stdroutes.go:19 ANY /ping -> stdroutes.ping",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n got %q\nwant %q", got, want)
	}
	// The loop's finding names the routes of the row whose handler runs it.
	var loops []string
	for _, f := range rep.Findings {
		for _, r := range f.Routes {
			loops = append(loops, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, r.Method, r.Pattern))
		}
	}
	if want := []string{"notes/notes.go:42 POST /notes", "notes/notes.go:42 POST …/notes"}; !slices.Equal(loops, want) {
		t.Errorf("the loop's routes: got %q, want %q", loops, want)
	}
}
