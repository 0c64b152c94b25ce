// Package data keeps its SQL in data: query tables by name and by
// dialect, struct literals, fields assigned once, embedded files.
package data // want `stats: 28 sites, 14 unresolved, 1 unparsed, 0 orm`

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

var queries = map[string]string{
	"get":   "SELECT id, title FROM notes WHERE id = $1",
	"count": "SELECT count(*) FROM notes",
}

type Queries struct {
	Get  string // want `fieldSQL\("SELECT id, title FROM notes WHERE id = \$1"\)`
	List string // want `fieldSQL\(unresolved: field List holds 2 different statements \(data.go:\d+, data.go:\d+\)\)`
}

var pgQueries = Queries{
	Get:  "SELECT id, title FROM notes WHERE id = $1",
	List: "SELECT id FROM notes ORDER BY id",
}

var liteQueries = Queries{
	Get:  "SELECT id, title FROM notes WHERE id = ?",
	List: "SELECT id FROM notes ORDER BY id LIMIT -1",
}

var dialects = map[string]Queries{"postgres": pgQueries, "sqlite": liteQueries}

// filled is changed at run time: not followed.
var filled = map[string]string{}

func init() {
	filled["get"] = "SELECT 1"
}

func Tables(db *sql.DB, name, driver string) { // want `issuesQueries\(.*\)`
	db.Query(queries["get"])          // want `site query read "SELECT id, title FROM notes WHERE id = \$1"`
	db.Query(queries["nope"])         // want `site query unknown unresolved: queries has no entry "nope"`
	db.Query(queries[name])           // want `site query unknown unresolved: queries, indexed by non-constant name, holds 2 different statements \(data.go:\d+, data.go:\d+\)`
	db.Query(pgQueries.List)          // want `site query read "SELECT id FROM notes ORDER BY id"`
	db.Query(dialects[driver].Get)    // want `site query read "SELECT id, title FROM notes WHERE id = \$1"`
	db.Query(dialects[driver].List)   // want `site query unknown unresolved: dialects\[...\].List holds 2 different statements .*`
	db.Query(dialects["sqlite"].List) // want `site query read "SELECT id FROM notes ORDER BY id LIMIT -1"`
	db.Query(filled["get"])           // want `site query unknown unresolved: filled is changed at run time \(data.go:\d+\)`
}

func Loops(db *sql.DB) { // want `issuesQueries\(.*\)`
	for _, q := range []string{"CREATE TABLE a (id int)", "CREATE TABLE b (id int)"} {
		db.Exec(q) // want `site exec write unresolved: ranged-over a literal list holds 2 different statements \(data.go:\d+, data.go:\d+\) in statements loop`
	}
	for _, q := range queries {
		db.Exec(q) // want `site exec write unresolved: ranged-over queries holds 2 different statements .* in statements loop`
	}
	for range 3 {
		for _, q := range []string{"VACUUM", "VACUUM"} {
			db.Exec(q) // want `site exec other "VACUUM" in const loop`
		}
	}
}

// Store picks its dialect's table at start-up.
type Store struct {
	db    *sql.DB
	q     Queries
	count string // want `fieldSQL\("SELECT count\(\*\) FROM notes"\)`
	list  string // want `fieldSQL\(unresolved: field list is assigned at data.go:\d+ where it is changed with \+=\)`
}

func New(db *sql.DB, sqlite bool) *Store {
	s := &Store{db: db, q: pgQueries}
	if sqlite {
		s.q = liteQueries
	}
	s.count = "SELECT count(*) FROM notes"
	s.list = "SELECT id FROM notes"
	return s
}

// Archived changes a field's SQL at run time.
func (s *Store) Archived() { s.list += " WHERE archived" }

func (s *Store) Get(id int64) { // want `issuesQueries\(.*\)`
	s.db.QueryRow(s.q.Get, id) // want `site query read "SELECT id, title FROM notes WHERE id = \$1"`
	s.db.Query(s.q.List)       // want `site query unknown unresolved: field List holds 2 different statements \(data.go:\d+, data.go:\d+\)`
	s.db.QueryRow(s.count)     // want `site query read "SELECT count\(\*\) FROM notes"`
	s.db.Query(s.list)         // want `site query unknown unresolved: field list is assigned at data.go:\d+ where it is changed with \+=`
}

//go:embed queries/get.sql
var getSQL string

//go:embed queries
var files embed.FS

func Embedded(db *sql.DB) { // want `issuesQueries\(.*\)`
	db.Query(getSQL, 1) // want `site query read "SELECT id, title FROM notes WHERE id = \$1\\n"`
	b, _ := files.ReadFile("queries/list.sql")
	db.Query(string(b)) // want `site query read "SELECT \* FROM notes ORDER BY id\\n"`
	c, _ := fs.ReadFile(files, "queries/gone.sql")
	db.Query(string(c)) // want `site query unknown unresolved: embedded file gone.sql cannot be read`
	d, _ := fs.ReadFile(files, "other/x.sql")
	db.Query(string(d)) // want `site query unknown unresolved: other/x.sql is not embedded in files`
}

// An IN list widened at run time to one placeholder per value is the same
// statement; another replacement known only at run time is not.
func Variadic(db *sql.DB, ids []int64, table string) { // want `issuesQueries\(.*\)`
	q := strings.Replace("SELECT id FROM notes WHERE id IN ($1)", "($1)", placeholders(len(ids)), 1)
	db.Query(q)                                                          // want `site query read "SELECT id FROM notes WHERE id IN \(\$1\)"`
	db.Query(strings.Replace("SELECT id FROM notes", "notes", table, 1)) // want `site query unknown unresolved: SQL is built from a parameter \(parameter table\)`
}

func placeholders(n int) string {
	s := "("
	for i := range n {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("$%d", i+1)
	}
	return s + ")"
}

// A value scanned from a row is not its zero value.
func Scanned(db *sql.DB) { // want `issuesQueries\(.*\)`
	var max int64
	db.QueryRow("SELECT max(id) FROM notes").Scan(&max)                      // want `site query read "SELECT max\(id\) FROM notes"`
	db.Exec(fmt.Sprintf("ALTER SEQUENCE notes_id_seq RESTART WITH %d", max)) // want `site exec ddl "ALTER SEQUENCE notes_id_seq RESTART WITH \$1" unparsed`
}
