// Package prepared keeps its statements in struct fields, prepared once
// in a constructor and run by methods: the SQL travels with the field.
package prepared // want `stats: 31 sites, 5 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"

	"sqlutil"
)

const selectNoteSQL = "SELECT id, title FROM notes WHERE id = $1"

const insertNoteSQL = "INSERT INTO notes (title) VALUES ($1)"

const deleteNoteSQL = "DELETE FROM notes WHERE id = $1"

type Store struct {
	db         *sql.DB
	selectNote *sql.Stmt // want `fieldSQL\("SELECT id, title FROM notes WHERE id = \$1"\)`
	insertNote *sql.Stmt // want `fieldSQL\("INSERT INTO notes \(title\) VALUES \(\$1\)"\)`
	allNotes   *sql.Stmt // want `fieldSQL\("SELECT \* FROM notes"\)`
	deleteNote *sql.Stmt // want `fieldSQL\("DELETE FROM notes WHERE id = \$1"\)`
	// Ambiguous: two different statements; never a guess.
	either *sql.Stmt // want `fieldSQL\(unresolved: field either holds 2 different statements \(prepared.go:\d+, prepared.go:\d+\)\)`
	// Reassigned at run time from a parameter.
	custom *sql.Stmt // want `fieldSQL\(unresolved: field custom is assigned at prepared.go:\d+ where SQL is parameter q\)`
	// One statement in two bind syntaxes (PostgreSQL and SQLite).
	byTitle *sql.Stmt // want `fieldSQL\("SELECT id FROM notes WHERE title = \$1"\)`
	// Never assigned here.
	unused *sql.Stmt
	// sqlx statements.
	getx   *sqlx.Stmt      // want `fieldSQL\("SELECT id, title FROM notes WHERE id = \$1"\)`
	namedx *sqlx.NamedStmt // want `fieldSQL\("UPDATE notes SET title = :title WHERE id = :id"\)`
}

func New(ctx context.Context, db *sql.DB, dbx *sqlx.DB, sqlite bool) (*Store, error) { // want `issuesQueries\(.*\)`
	s := &Store{db: db}
	var err error
	s.selectNote, err = db.Prepare(selectNoteSQL) // want `site prepare read "SELECT id, title FROM notes WHERE id = \$1"`
	if err != nil {
		return nil, err
	}
	s.either, _ = db.Prepare("SELECT 1") // want `site prepare read "SELECT 1"`
	if sqlite {
		s.either, _ = db.Prepare("SELECT 2")                              // want `site prepare read "SELECT 2"`
		s.byTitle, _ = db.Prepare("SELECT id FROM notes WHERE title = ?") // want `site prepare read "SELECT id FROM notes WHERE title = \?"`
	} else {
		s.byTitle, _ = db.Prepare("SELECT id FROM notes WHERE title = $1") // want `site prepare read "SELECT id FROM notes WHERE title = \$1"`
	}
	s.custom, _ = db.Prepare("SELECT id FROM notes")                                 // want `site prepare read "SELECT id FROM notes"`
	s.getx, _ = dbx.Preparex(selectNoteSQL)                                          // want `site prepare read .*`
	s.namedx, _ = dbx.PrepareNamed("UPDATE notes SET title = :title WHERE id = :id") // want `site prepare write .*`
	if err := (sqlutil.StatementList{                                                // want `call sqlutil.StatementList.Prepare`
		{&s.insertNote, insertNoteSQL},
		{&s.allNotes, "SELECT * FROM notes"},
	}.Prepare(db)); err != nil {
		return nil, err
	}
	return s, sqlutil.Statements{&s.deleteNote: deleteNoteSQL}.Prepare(ctx, db) // want `call sqlutil.Statements.Prepare`
}

// SetCustom replaces a statement with SQL from its caller: the field's
// SQL is no longer known.
// (It is a Prepare wrapper too: its callers are prepare sites.)
func (s *Store) SetCustom(q string) { // want `sqlParam\(0, prepare\)`
	s.custom, _ = s.db.Prepare(q)
}

func (s *Store) Note(ctx context.Context, id int64) error { // want `issuesQueries\(read SELECT id, title FROM notes WHERE id = \$1 @prepared.go:\d+\)`
	return s.selectNote.QueryRowContext(ctx, id).Scan(&id) // want `site stmt read "SELECT id, title FROM notes WHERE id = \$1"`
}

func (s *Store) Notes(ctx context.Context, ids []int64) { // want `issuesQueries\(.*\)`
	for _, id := range ids {
		s.selectNote.QueryRowContext(ctx, id) // want `site stmt read "SELECT id, title FROM notes WHERE id = \$1" in data loop`
	}
	s.allNotes.Query()   // want `site stmt read "SELECT \* FROM notes"`
	s.either.Query()     // want `site stmt unknown unresolved: field either holds 2 different statements \(prepared.go:\d+, prepared.go:\d+\)`
	s.custom.Query()     // want `site stmt unknown unresolved: field custom is assigned at prepared.go:\d+ where SQL is parameter q`
	s.byTitle.Query("a") // want `site stmt read "SELECT id FROM notes WHERE title = \$1"`
	s.unused.Query()     // want `site stmt unknown unresolved: SQL comes from field unused, which is assigned no SQL`
	s.getx.Get(&ids, 1)  // want `site stmt read "SELECT id, title FROM notes WHERE id = \$1"`
	s.namedx.Exec(nil)   // want `site stmt write "UPDATE notes SET title = :title WHERE id = :id"`
}

// In a transaction: Tx.Stmt, Tx.StmtContext and a helper that binds.
func (s *Store) Add(ctx context.Context, tx *sql.Tx, title string) error { // want `issuesQueries\(.*\)`
	tx.Stmt(s.insertNote).Exec(title)                     // want `site stmt write "INSERT INTO notes \(title\) VALUES \(\$1\)"`
	tx.StmtContext(ctx, s.deleteNote).ExecContext(ctx, 1) // want `site stmt write "DELETE FROM notes WHERE id = \$1"`
	stmt := sqlutil.TxStmt(tx, s.selectNote)
	_, err := stmt.QueryContext(ctx, 1) // want `site stmt read "SELECT id, title FROM notes WHERE id = \$1"`
	return err
}

// queryRow runs the statement it is given: its callers are the sites.
func (s *Store) queryRow(ctx context.Context, stmt *sql.Stmt, args ...any) *sql.Row { // want `sqlParam\(1, stmt\)`
	return stmt.QueryRowContext(ctx, args...)
}

func (s *Store) ByID(ctx context.Context, id int64) { // want `issuesQueries\(read .* via prepared.\(\*Store\).queryRow\)`
	s.queryRow(ctx, s.selectNote, id) // want `site stmt read "SELECT id, title FROM notes WHERE id = \$1"`
}

// A package-level statement, prepared in an init function.
var version *sql.Stmt // want `fieldSQL\("SELECT version\(\)"\)`

func Init(db *sql.DB) { // want `issuesQueries\(.*\)`
	version, _ = db.Prepare("SELECT version()") // want `site prepare read "SELECT version\(\)"`
}

func Version() { // want `issuesQueries\(read SELECT version\(\) @prepared.go:\d+\)`
	version.QueryRow() // want `site stmt read "SELECT version\(\)"`
}

// Prep prepares statements and keeps the first error (a learned Prepare
// wrapper, used inside a struct literal).
type Prep struct {
	DB  *sql.DB
	Err error
}

func (p *Prep) P(q string) *sql.Stmt { // want `sqlParam\(0, prepare\)`
	if p.Err != nil {
		return nil
	}
	var s *sql.Stmt
	s, p.Err = p.DB.Prepare(q)
	return s
}

type Users struct {
	findOne *sql.Stmt // want `fieldSQL\("SELECT id, name FROM users WHERE id = \$1"\)`
	findAll *sql.Stmt // want `fieldSQL\("SELECT id, name FROM users"\)`
}

func NewUsers(db *sql.DB) (*Users, error) { // want `issuesQueries\(.*\)`
	p := &Prep{DB: db}
	prep := p.P // a method value, called by name
	u := &Users{
		findOne: p.P(`SELECT id, name FROM users WHERE id = $1`), // want `site prepare read "SELECT id, name FROM users WHERE id = \$1"`
		findAll: prep(`SELECT id, name FROM users`),              // want `site prepare read "SELECT id, name FROM users"`
	}
	return u, p.Err
}

func (u *Users) Find(id int64) { // want `issuesQueries\(.*\)`
	u.findOne.QueryRow(id) // want `site stmt read "SELECT id, name FROM users WHERE id = \$1"`
	u.findAll.Query()      // want `site stmt read "SELECT id, name FROM users"`
}

// Purge runs each statement of a list; the list's statements differ.
func (s *Store) Purge(ctx context.Context, tx *sql.Tx) { // want `issuesQueries\(.*\)`
	for _, stmt := range []*sql.Stmt{s.deleteNote, s.insertNote} {
		sqlutil.TxStmt(tx, stmt).ExecContext(ctx, 1) // want `site stmt unknown unresolved: ranged-over a literal list holds 2 different statements \(prepared.go:\d+, prepared.go:\d+\) in statements loop`
	}
	for _, stmt := range []*sql.Stmt{s.deleteNote} {
		stmt.ExecContext(ctx, 1) // want `site stmt write "DELETE FROM notes WHERE id = \$1" in const loop`
	}
}

// exec runs the statement it is given in a transaction helper's callback:
// a wrapper all the same, whose callers are the sites.
func (s *Store) exec(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, args ...any) error { // want `sqlParam\(2, stmt\)`
	return s.withTx(ctx, tx, func(tx *sql.Tx) error {
		_, err := tx.StmtContext(ctx, stmt).ExecContext(ctx, args...)
		return err
	})
}

func (s *Store) withTx(ctx context.Context, tx *sql.Tx, fn func(*sql.Tx) error) error { return fn(tx) }

func (s *Store) Remove(ctx context.Context, tx *sql.Tx, ids []int64) { // want `issuesQueries\(write×1 DELETE FROM notes WHERE id = \$1 @prepared.go:\d+ via prepared.\(\*Store\).exec\)`
	for _, id := range ids {
		s.exec(ctx, tx, s.deleteNote, id) // want `site stmt write "DELETE FROM notes WHERE id = \$1" in data loop`
	}
}

// later keeps the statement it is given for a callback run later: not a
// wrapper, and the callback's site says what it runs.
func (s *Store) later(stmt *sql.Stmt) func() {
	return func() {
		stmt.Exec() // want `site stmt unknown unresolved: statement is parameter stmt`
	}
}
