// Package feature runs what a backend supports.
package feature

import "database/sql"

type Backend interface {
	Supports() bool
	Do()
}

type Yes struct{ DB *sql.DB }

func (y Yes) Supports() bool { return true }
func (y Yes) Do()            { y.DB.Exec("UPDATE features SET yes = yes + 1") }

type No struct{ DB *sql.DB }

func (n No) Supports() bool { return false }
func (n No) Do()            { n.DB.Exec("UPDATE features SET no = no + 1") }

func Run(b Backend) {
	if b.Supports() {
		b.Do()
	}
}

// RunIf asks the backend after another condition.
func RunIf(ready bool, b Backend) {
	if ready && b.Supports() {
		b.Do()
	}
}
