// Package store stores messages, tags and marks.
package store

import (
	"database/sql"
	"slices"
)

type Message struct{ Text string }

type Store struct {
	db    *sql.DB
	queue chan []Message
}

func New(db *sql.DB) *Store { return &Store{db: db, queue: make(chan []Message)} }

// Add stores one message: a one-item batch. Its request's loop runs once.
func (s *Store) Add(m Message) {
	s.addMany([]Message{m})
}

// Write stores the batches the queue collects: the loop in addMany runs
// once per message of each batch.
func (s *Store) Write() {
	for batch := range s.queue {
		s.addMany(batch)
	}
}

// addMany: reported as the writer's job, not POST /messages's.
func (s *Store) addMany(ms []Message) {
	all := ms // a copy of the parameter
	for _, m := range all {
		s.db.Exec("INSERT INTO messages (text) VALUES ($1)", m.Text)
	}
}

// Tag stores one tag; Tags stores what the request lists: POST /tags
// makes saveTags's loop a loop per request, so it stays a route's.
func (s *Store) Tag(t string) { s.saveTags([]string{t}) }

func (s *Store) Tags(ts []string) { s.saveTags(ts) }

func (s *Store) saveTags(ts []string) {
	for _, t := range ts {
		s.db.Exec("INSERT INTO tags (name) VALUES ($1)", t)
	}
}

// Mark marks one id: the only data caller of mark, backfill, runs in no
// entry point, so mark's loop is silent.
func (s *Store) Mark(id string) { s.mark([]string{id}) }

func (s *Store) backfill(ids []string) { s.mark(ids) }

func (s *Store) mark(ids []string) {
	for _, id := range ids {
		s.db.Exec("UPDATE items SET marked = true WHERE id = $1", id)
	}
}

// Notify narrows users to first when it is one of them: where it is
// not, users is what the request lists, so POST /notify's call passes
// data, though the only write of users is a one-item literal; Ping's
// passes one item. send's loop stays POST /notify's.
func (s *Store) Notify(users []string, first string) {
	if slices.Contains(users, first) {
		users = []string{first}
	}
	s.send(users)
}

func (s *Store) Ping() { s.send([]string{"admin"}) }

func (s *Store) send(users []string) {
	for _, u := range users {
		s.db.Exec("INSERT INTO notices (user_name) VALUES ($1)", u)
	}
}
