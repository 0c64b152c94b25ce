// Package preparedapi runs statements another package prepared: their
// SQL comes with the fields' facts.
package preparedapi // want `stats: 3 sites, 1 unresolved, 0 unparsed, 0 orm`

import (
	"database/sql"

	"preparedstore"
)

func Run(s *preparedstore.Statements, tx *sql.Tx) { // want `issuesQueries\(.*\)`
	s.ByID.QueryRow(1)              // want `site stmt read "SELECT id FROM users WHERE id = \$1"`
	tx.Stmt(s.ByName).QueryRow("a") // want `site stmt read "SELECT id FROM users WHERE name = \$1"`
	s.Either.Exec()                 // want `site stmt unknown unresolved: field Either holds 2 different statements \(store.go:\d+, store.go:\d+\)`
}
