package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A marshaler switching on its interface parameter's dynamic type runs,
// from a caller passing a value of one concrete type, the case that type
// selects alone (testdata/tswitch, see program/typeguards.go): the
// publisher's loop sending an ack or a status is silent, though the
// uplink's case looks up gateways; the uplink's loop is reported with
// that lookup alone, the location's with the lookup of the case listing
// an interface it implements. A caller handing on its own parameter
// (Relay) passes any kind, and a callee assigning its parameter before
// asserting it (Default) tests what it assigned, and one asserting a
// field's value (Wrapped) what was stored there: all keep every case.
// The routes list the queries of the cases their handlers' values
// select: POST /ack none of the marshaler's, POST /uplink the gateways'
// lookup, and the finding in the uplink's case is not POST /ack's.
func TestTypeSwitchCases(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/tswitch", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	var got []string
	for _, f := range rep.Findings {
		if f.Check != queryinloop.Analyzer.Name {
			continue
		}
		var sites []string
		for _, s := range f.Sites {
			sites = append(sites, fmt.Sprintf("%s:%d", s.File, s.Line))
		}
		routes := findingRoutes(f)
		slices.Sort(sites)
		got = append(got, fmt.Sprintf("%s:%d %s [%s]", f.File, f.Line, strings.Join(sites, ","), strings.Join(routes, ", ")))
	}
	slices.Sort(got)
	const up, loc = "marshal/marshal.go:35", "marshal/marshal.go:43"
	want := []string{
		up + " " + up + " [POST /uplink, POST /events]",               // the uplink's own loop; POST /ack's ack selects another case
		"publish/publish.go:38 " + up + " [POST /events]",             // Uplink: the uplink's case
		"publish/publish.go:44 " + loc + " [POST /events]",            // Location: the case of the interface it implements
		"publish/publish.go:51 " + up + "," + loc + " [POST /events]", // Relay: any kind
		"publish/publish.go:58 " + up + " [POST /events]",             // Retry: Default assigns its parameter
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	queries := map[string][]string{}
	for _, r := range rep.Routes {
		for _, q := range r.Queries {
			queries[r.Method+" "+r.Pattern] = append(queries[r.Method+" "+r.Pattern], fmt.Sprintf("%s:%d %s", q.File, q.Line, q.PerRequest))
		}
	}
	for route, want := range map[string][]string{
		"POST /ack":    {"publish/publish.go:71 once"},
		"POST /uplink": {up + " loop"},
		"POST /events": {up + " loop×2", loc + " loop"},
	} {
		if got := queries[route]; !slices.Equal(got, want) {
			t.Errorf("%s runs %q, want %q", route, got, want)
		}
	}
}
