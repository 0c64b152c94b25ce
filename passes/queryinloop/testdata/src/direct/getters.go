package direct

import "database/sql"

// A container's getter that hands back the value it holds, and builds
// it (with a query) only when it holds none: a loop calling it on one
// container runs the query once, not per item.

type settingsVal struct{ n int }

type container struct {
	db       *sql.DB
	settings *settingsVal
	session  *settingsVal
}

func (d *container) Settings() *settingsVal {
	if d.settings != nil {
		return d.settings
	}
	var n int
	d.db.QueryRow("SELECT count(*) FROM settings").Scan(&n)
	d.settings = &settingsVal{n}
	return d.settings
}

// Session's field is reset (Drop): the next call builds again.
func (d *container) Session() *settingsVal {
	if d.session != nil {
		return d.session
	}
	var n int
	d.db.QueryRow("SELECT count(*) FROM sessions").Scan(&n)
	d.session = &settingsVal{n}
	return d.session
}

func (d *container) Drop() { d.session = nil }

// Rebuilt builds on every call: nothing tests the field first.
func (d *container) Rebuilt() *settingsVal {
	var n int
	d.db.QueryRow("SELECT count(*) FROM settings").Scan(&n)
	d.settings = &settingsVal{n}
	return d.settings
}

const debugSettings = false

// Cached's test reads a constant beside the field: the same answer on
// every call.
func (d *container) Cached() *settingsVal {
	if d.settings != nil && !debugSettings {
		return d.settings
	}
	var n int
	d.db.QueryRow("SELECT count(*) FROM settings").Scan(&n)
	d.settings = &settingsVal{n}
	return d.settings
}

func SumSettings(d *container, ids []int) int {
	n := 0
	for range ids {
		n += d.Settings().n // silent: built once per container
		n += d.Cached().n   // silent: likewise, with a constant beside the test
		n += d.Session().n  // want `^direct.\(\*container\).Session runs SELECT from sessions \(getters.go:33\) once per item of ids`
		n += d.Rebuilt().n  // want `^direct.\(\*container\).Rebuilt runs SELECT from settings \(getters.go:43\) once per item of ids`
	}
	return n
}
