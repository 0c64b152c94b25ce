// Package core keeps the program's migrations: values implementing
// Script, registered in lists and run in version order by a migrator
// that records those it applied.
package core

import (
	"sort"

	"example.com/ifacemig/dal"
)

// Script is a migration.
type Script interface {
	Up(d dal.Dal) error
	Version() uint64
	Name() string
}

// Migrator runs the scripts registered.
type Migrator interface {
	Register(scripts []Script, comment string)
	Execute() error
}

// History is a script applied.
type History struct {
	Version uint64
	Name    string
	Comment string
}

type scriptWithComment struct {
	script  Script
	comment string
}

type migrator struct {
	d       dal.Dal
	scripts []*scriptWithComment
	pending []*scriptWithComment
}

// New returns a migrator over d.
func New(d dal.Dal) Migrator { return &migrator{d: d} }

// Register keeps scripts to run.
func (m *migrator) Register(scripts []Script, comment string) {
	for _, s := range scripts {
		swc := &scriptWithComment{script: s, comment: comment}
		m.scripts = append(m.scripts, swc)
		m.pending = append(m.pending, swc)
	}
}

// Execute runs the pending scripts in version order, recording each.
func (m *migrator) Execute() error {
	sort.Slice(m.pending, func(i, j int) bool { return m.pending[i].script.Version() < m.pending[j].script.Version() })
	for _, swc := range m.pending {
		if err := swc.script.Up(m.d); err != nil {
			return err
		}
		if err := m.d.Create(&History{Version: swc.script.Version(), Name: swc.script.Name(), Comment: swc.comment}); err != nil { // migration
			return err
		}
	}
	m.pending = nil
	return nil
}
