package named // want `stats: 17 sites, 5 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	goyesqlv2 "github.com/knadh/goyesql/v2"
	"github.com/nleof/goyesql"
	"github.com/qustavo/dotsql"
)

var queries = goyesql.MustParseFile("queries/notes.sql")

// goyesql: a map indexed by the query's name.
func Note(db *sql.DB, id int64) { // want `issuesQueries\(read SELECT \* FROM notes WHERE id = \$1; @named.go:\d+ = get-note @queries/notes.sql:3, unknown .*`
	db.QueryRow(queries["get-note"], id) // want `site query read "SELECT \* FROM notes WHERE id = \$1;" from get-note queries/notes.sql:3`
	db.QueryRow(queries["nope"])         // want `site query unknown unresolved: query nope is in no query file`
	db.QueryRow(queries["dup"])          // want `site query unknown unresolved: query dup is defined in queries/more.sql and queries/notes.sql`
	q := queries["touch-note"]
	db.Exec(q, id) // want `site exec write "UPDATE notes .*" from touch-note queries/notes.sql:11`
}

// A name known only in part is said with … for the part run time gives.
func NoteOf(db *sql.DB, kind string) { // want `issuesQueries\(.*\)`
	db.QueryRow(queries[goyesql.Tag(fmt.Sprintf("get-%s", kind))]) // want `site query unknown unresolved: query get-… is in no query file`
}

// dotsql: methods that take the name.
func Dot(ctx context.Context, db *sql.DB, dot *dotsql.DotSql) { // want `issuesQueries\(read .* = notes-by-owner @queries/notes.sql:6, .*`
	dot.Query(db, "notes-by-owner", 7)        // want `site query read "SELECT id, title\\nFROM notes\\nWHERE owner_id = \$1;" from notes-by-owner queries/notes.sql:6`
	dot.ExecContext(ctx, db, "touch-note", 7) // want `site exec write .* from touch-note queries/notes.sql:11`
	raw, _ := dot.Raw("note-count")
	db.QueryRowContext(ctx, raw)           // want `site query read "SELECT count\(\*\) FROM notes;" from note-count queries/notes.sql:14`
	stmt, _ := dot.Prepare(db, "get-note") // want `site prepare read .* from get-note queries/notes.sql:3`
	stmt.QueryRow(7)                       // want `site stmt read .* from get-note queries/notes.sql:3`
}

// A struct whose fields carry query tags, filled by goyesql v2.
type Queries struct {
	CountNotes *sql.Stmt `query:"note-count"`
	GetNote    string    `query:"get-note"`
	Page       string    `query:"page"` // a URL parameter's tag: no query file has it
}

var qs Queries

func init() {
	goyesqlv2.ScanToStruct(&qs, goyesqlv2.MustParseFile("queries/notes.sql"), nil)
}

func Tagged(db *sql.DB) { // want `issuesQueries\(read .* = note-count @queries/notes.sql:14, .*`
	qs.CountNotes.QueryRow() // want `site stmt read .* from note-count queries/notes.sql:14`
	db.Query(qs.GetNote, 1)  // want `site query read .* from get-note queries/notes.sql:3`
	db.Query(qs.Page)        // want `site query unknown unresolved: SQL comes from field Page, which is assigned no SQL`
	m := goyesqlv2.MustParseFile("queries/notes.sql")
	db.Query(m["notes-by-owner"].Query, 1) // want `site query read .* from notes-by-owner queries/notes.sql:6`
}

// A template query: its holes are replaced with conditions built at run
// time; the statement around them still parses.
func Search(db *sql.DB, cond string) { // want `issuesQueries\(.* = search-notes @queries/raw.sql:3, .*\)`
	q := strings.Replace(queries["search-notes"], "%query%", cond, 1)
	q = strings.ReplaceAll(q, "%order%", "n.id")
	db.Query(q, 1)                                                               // want `site query read "-- raw: true\\nSELECT n.\* FROM notes n\\nWHERE n.owner_id = \$1 AND %query%\\nORDER BY n.id;"`
	db.Query(strings.Replace(queries["search-notes"], "%query%", cond, 1), 1)    // want `site query read .* from search-notes queries/raw.sql:3`
	db.Query(strings.Replace(queries["search-notes"], "n.owner_id", cond, 1), 1) // want `site query unknown unresolved: SQL is built from a parameter \(parameter cond\)`
}
