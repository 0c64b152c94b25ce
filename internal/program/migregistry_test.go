package program

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// TestRegistryMigrations reads testdata/ownmig: each migration's file
// registers its functions into the program's own registry from its init
// function (a literal, a named function, nil for none), and a runner
// ranges over the registry's items through a getter, or a local sliced,
// and runs them, creating its version table. Each registered function
// is a migration entry, named by the call and the parameter for a
// literal, and so are the runners. A registry of plugin handlers filled
// the same way, whose handlers run no DDL, and a registry a request
// fills and runs, DDL and all, are not migrations. A job that starts
// the runner (a reload every minute) reaches neither it nor the
// migrations' code: each runs once, as the runner records it. A
// migration an admin route calls directly stays the route's too.
func TestRegistryMigrations(t *testing.T) {
	l := load(t, "testdata/ownmig")
	p := l.build(t, initialLazy)
	got := entries(p, p.Migrations())
	want := []string{
		"migration core.Migrations.Register(up) at 001_init.go:11: 001_init.go:12 ×0 via migrations.init",
		"migration migrations.backfill: 002_backfill.go:15 ×0 via migrations.backfill; 002_backfill.go:28 ×1 via migrations.backfill",
		"migration migrations.Normalize: 003_normalize.go:16 ×0 via migrations.Normalize; 003_normalize.go:26 ×1 via migrations.Normalize",
		"migration core.Migrations.Register(down) at 001_init.go:11: 001_init.go:15 ×0 via migrations.init",
		// The runner ranges over the registered migrations, records of
		// a file's name and its functions: each one's code once (a
		// range over functions), not per item.
		"migration core.(*Runner).Up: runner.go:15 ×0 via core.(*Runner).Up; runner.go:20 ×0 via core.(*Runner).Up; runner.go:31 ×0 via core.(*Runner).Up; 001_init.go:12 ×0 via core.(*Runner).Up → migrations.init; 002_backfill.go:15 ×0 via core.(*Runner).Up → migrations.backfill; 002_backfill.go:28 ×1 via core.(*Runner).Up → migrations.backfill; 003_normalize.go:16 ×0 via core.(*Runner).Up → migrations.Normalize; 003_normalize.go:26 ×1 via core.(*Runner).Up → migrations.Normalize",
		"migration core.(*Runner).Down: runner.go:54 ×0 via core.(*Runner).Down; 001_init.go:15 ×0 via core.(*Runner).Down → migrations.init",
	}
	if !slices.Equal(got, want) {
		t.Errorf("migrations:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	all := l.entries(p)
	if !slices.ContainsFunc(all, func(e *Entry) bool { return e.Role == RoleJob && e.Name == "main.main" }) {
		t.Fatalf("no job main.main (the reload loop) among the entries")
	}
	// Each site's main role, and the functions' with a loop.
	roles := p.Roles(all)
	for site, want := range map[string]Role{
		"001_init.go:12":      RoleMigration,
		"002_backfill.go:15":  RoleMigration,
		"002_backfill.go:28":  RoleMigration,
		"runner.go:15":        RoleMigration, // the version table
		"runner.go:20":        RoleMigration,
		"plugin.go:28":        RoleRoute, // a plugin's handler: no DDL
		"hooks.go:30":         RoleRoute, // DDL, but registered per request
		"hooks.go:35":         RoleRoute,
		"003_normalize.go:26": RoleRoute, // a migration an admin route runs again
	} {
		checkSiteRole(t, p, roles, rel, site, want)
	}
	reaching := p.Reaching(all)
	for _, name := range []string{"example.com/ownmig/migrations.backfill", "(*example.com/ownmig/core.Runner).Up"} {
		migrationsAlone(t, reaching, funcNamed(t, p, name), name)
	}
}

// TestInterfaceRegistryMigrations reads testdata/ifacemig: its
// migrations are values of types implementing an interface, listed by
// All() as []core.Script{new(addUsers), &backfillNames{}}, handed by main
// to a migrator's Register (through an interface) that keeps them in a
// field, and run by Execute, which ranges over the field calling each
// script's Up; the schema changes only through gorm's AutoMigrate behind
// the module's Dal, whose models are interface{}. Each listed type's Up
// is a migration entry, and so is Execute; main and a route both run
// Execute, and neither reaches it nor the scripts. A registry of plugin
// values filled the same way and a list of handler values run no DDL:
// their loops stay the routes'.
func TestInterfaceRegistryMigrations(t *testing.T) {
	l := load(t, "testdata/ifacemig")
	p := l.build(t, initialLazy)
	var names []string
	for _, e := range p.Migrations() {
		names = append(names, e.Name)
	}
	want := []string{"migrations.(*addUsers).Up", "migrations.(*backfillNames).Up", "core.(*migrator).Execute"}
	if !slices.Equal(names, want) {
		t.Errorf("migrations %q, want %q", names, want)
	}

	all := l.entries(p)
	if !slices.ContainsFunc(all, func(e *Entry) bool { return e.Role == RoleRoute && strings.Contains(e.Name, "proceed-db-migration") }) {
		var got []string
		for _, e := range all {
			got = append(got, fmt.Sprintf("%s %s", e.Role, e.Name))
		}
		t.Fatalf("no route /proceed-db-migration among the entries %q", got)
	}
	// The sites are the Dal's: AutoMigrate's only the migrations reach,
	// First's the routes too.
	roles := p.Roles(all)
	for site, want := range map[string]Role{
		"dal.go:24": RoleMigration,
		"dal.go:31": RoleRoute,
	} {
		checkSiteRole(t, p, roles, rel, site, want)
	}
	reaching := p.Reaching(all)
	for _, name := range []string{"(*example.com/ifacemig/migrations.backfillNames).Up", "(*example.com/ifacemig/core.migrator).Execute"} {
		migrationsAlone(t, reaching, funcNamed(t, p, name), name)
	}
	// The loops of a plugin and of a handler stay the routes'.
	for _, name := range []string{"(*example.com/ifacemig/plugin.github).Sync", "(*example.com/ifacemig/api.users).Serve"} {
		f := funcNamed(t, p, name)
		if got := Main(reaching[f]); got != RoleRoute {
			t.Errorf("%s: main role %s, want route", name, got)
		}
		for _, e := range reaching[f] {
			if e.Role == RoleMigration {
				t.Errorf("%s: reached by migration %s", name, e.Name)
			}
		}
	}
}

// checkSiteRole checks that the query site at site ("file:line", as rel
// spells the file) is reached and that its main role is want.
func checkSiteRole(t *testing.T, p *Program, roles map[*queries.Site][]*Entry, rel func(string) string, site string, want Role) {
	t.Helper()
	found := false
	for s, es := range roles {
		pos := p.Fset.Position(s.Call.Pos())
		if fmt.Sprintf("%s:%d", rel(pos.Filename), pos.Line) == site {
			found = true
			if got := Main(es); got != want {
				t.Errorf("%s: main role %s, want %s", site, got, want)
			}
		}
	}
	if !found {
		t.Errorf("%s: no entry reaches it", site)
	}
}

// migrationsAlone checks that only migrations reach f (named name).
func migrationsAlone(t *testing.T, reaching map[*Func][]*Entry, f *Func, name string) {
	t.Helper()
	for _, e := range reaching[f] {
		if e.Role != RoleMigration {
			t.Errorf("%s: reached by %s %s, want migrations alone", name, e.Role, e.Name)
		}
	}
	if got := Main(reaching[f]); got != RoleMigration {
		t.Errorf("%s: main role %s, want migration", name, got)
	}
}
