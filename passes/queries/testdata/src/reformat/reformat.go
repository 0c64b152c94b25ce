// Package reformat holds wrappers that reformat the SQL they are given
// before running it — whitespace folded for a log line, trimmed, words
// joined by one space — which keeps the statement: their callers' SQL is
// what runs. A wrapper that changes the statement stays unresolved.
package reformat // want `stats: 6 sites, 3 unresolved, 0 unparsed, 0 orm`

import (
	"database/sql"
	"strings"
	"unicode"
)

// formatter folds tabs and newlines for a log line.
var formatter = strings.NewReplacer("\t", "", "\n", " ")

// renamer changes what the statement says.
var renamer = strings.NewReplacer("users", "accounts")

type Trx struct {
	tx    *sql.Tx
	debug bool
}

// Execute reformats its SQL only when logging: a wrapper still.
func (t *Trx) Execute(command string, args ...any) error { // want `sqlParam\(0, exec\)`
	if t.debug {
		command = formatter.Replace(command)
	}
	_, err := t.tx.Exec(command, args...)
	return err
}

// Get folds whitespace with a replacer of its own, then trims.
func (t *Trx) Get(command string, args ...any) *sql.Row { // want `sqlParam\(0, query\)`
	command = strings.NewReplacer("\r\n", " ", "  ", " ").Replace(command)
	command = strings.TrimSpace(command)
	return t.tx.QueryRow(command, args...)
}

// Select joins the statement's words with one space.
func (t *Trx) Select(command string, args ...any) (*sql.Rows, error) { // want `sqlParam\(0, query\)`
	command = strings.Join(strings.Fields(command), " ")
	command = strings.TrimFunc(command, unicode.IsSpace)
	return t.tx.Query(command, args...)
}

// Rename changes the tables the statement names: no wrapper.
func (t *Trx) Rename(command string) error { // want `issuesQueries\(write \? @reformat.go:\d+\)`
	command = renamer.Replace(command)
	_, err := t.tx.Exec(command) // want `site exec write unresolved: parameter command is reassigned`
	return err
}

// Append adds a clause: no wrapper.
func (t *Trx) Append(command string) error { // want `issuesQueries\(write \? @reformat.go:\d+\)`
	command = strings.Join(strings.Fields(command+" LIMIT 1"), ", ")
	_, err := t.tx.Exec(command) // want `site exec write unresolved: parameter command is reassigned`
	return err
}

// Trimmed trims more than whitespace: no wrapper.
func (t *Trx) Trimmed(command string) error { // want `issuesQueries\(write \? @reformat.go:\d+\)`
	command = strings.Trim(command, " ;x")
	_, err := t.tx.Exec(command) // want `site exec write unresolved: parameter command is reassigned`
	return err
}

// touch is written on three lines, as a raw string.
const touch = `UPDATE users
		SET seen = now()
		WHERE id = $1`

func Users(t *Trx) { // want `issuesQueries\(.*\)`
	t.Execute(touch, 1)                              // want `site exec write "UPDATE users\\n\\t\\tSET seen = now\(\)\\n\\t\\tWHERE id = \$1"`
	t.Get("SELECT id FROM users WHERE id = $1", 1)   // want `site query read "SELECT id FROM users WHERE id = \$1"`
	t.Select("  SELECT id FROM users ORDER BY id  ") // want `site query read "  SELECT id FROM users ORDER BY id  "`
	t.Rename("DELETE FROM users")                    // want `call reformat.\(\*Trx\).Rename`
}
