package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A call through an interface value under a guard on a bool method of
// that same value runs only the implementations whose method's constant
// lets the branch run (testdata/capguard, see program/capguards.go).
// StoreSession connects a store only if !s.PermanentConnection(): the
// SQL store's (return true) create database is no route's, the session
// store's (return false) insert and delete are, and so is the pooled
// store's, whose answer is a field. if b.Supports() { b.Do() } runs Yes's
// Do alone, after another condition too (ready && b.Supports()), where
// an unguarded b.Do() runs both. A guard on another value (Mirror asks
// a, connects b) keeps every store, and so does a field replaced between
// the guard and the call (Swap); the same field loaded twice (Run) is
// one value. A route passing the SQL store
// itself runs no Connect at all, the session store itself its own.
func TestCapabilityGuards(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/capguard", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	queries := map[string][]string{}
	for _, r := range rep.Routes {
		k := r.Method + " " + r.Pattern
		queries[k] = []string{}
		for _, q := range r.Queries {
			queries[k] = append(queries[k], fmt.Sprintf("%s:%d", q.File, q.Line))
		}
		slices.Sort(queries[k])
	}
	const (
		create  = "sqlstore/sqlstore.go:15"
		user    = "sqlstore/sqlstore.go:23"
		insert  = "boltstore/boltstore.go:13"
		del     = "boltstore/boltstore.go:17"
		pool    = "pooled/pooled.go:17"
		yes, no = "feature/feature.go:14", "feature/feature.go:19"
	)
	for route, want := range map[string][]string{
		"GET /users":           {insert, del, pool, user},
		"POST /feature":        {yes},
		"POST /feature/ready":  {yes},
		"POST /feature/always": {yes, no},
		"POST /mirror":         {insert, pool, create},
		"POST /run":            {insert, pool},
		"POST /swap":           {insert, pool, create},
		"GET /direct/sql":      {user},
		"GET /direct/bolt":     {insert, del},
	} {
		slices.Sort(want)
		got, ok := queries[route]
		if !ok {
			t.Errorf("no route %s", route)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s runs %q, want %q", route, got, want)
		}
	}
}
