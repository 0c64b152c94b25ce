// Package core keeps the program's migrations in a registry of its own:
// each migration's file registers its functions from its init function,
// and a runner applies those not yet applied, recording each.
package core

import "database/sql"

// Migration is a registered migration.
type Migration struct {
	File string
	Up   func(tx *sql.Tx) error
	Down func(tx *sql.Tx) error
}

// List is a registry of migrations.
type List struct {
	list []*Migration
}

// Migrations are the program's migrations.
var Migrations List

// Register adds a migration's functions to the list.
func (l *List) Register(file string, up, down func(tx *sql.Tx) error) {
	l.list = append(l.list, &Migration{File: file, Up: up, Down: down})
}

// Items returns the list.
func (l *List) Items() []*Migration { return l.list }
