// Package notify sends notifications from worker loops.
package notify

import "database/sql"

// Mailer is started by main: its loop is a job of the program.
type Mailer struct {
	db    *sql.DB
	hints chan []int
}

func NewMailer(db *sql.DB) *Mailer { return &Mailer{db: db, hints: make(chan []int)} }

func (m *Mailer) Start() { go m.loop() }

func (m *Mailer) loop() {
	for ids := range m.hints {
		for _, id := range ids {
			_, _ = m.db.Exec("UPDATE mails SET sent = true WHERE id = $1", id)
		}
	}
}

// Pager is the same backend that only another build (a plugin's)
// constructs: nothing in this program calls NewPager.
type Pager struct {
	db    *sql.DB
	hints chan []int
}

func NewPager(db *sql.DB) *Pager { return &Pager{db: db, hints: make(chan []int)} }

func (p *Pager) Start() { go p.loop() }

func (p *Pager) loop() {
	for ids := range p.hints {
		for _, id := range ids {
			_, _ = p.db.Exec("UPDATE pages SET sent = true WHERE id = $1", id)
		}
	}
}

// Queue is made by a constructor that runs its startup statements (a
// wrapper of the query it is handed) and starts the queue's writer.
type Queue struct {
	db      *sql.DB
	pending chan []int
}

func NewQueue(db *sql.DB, startup string) *Queue {
	_, _ = db.Exec(startup)
	q := &Queue{db: db, pending: make(chan []int)}
	go q.writer()
	return q
}

func (q *Queue) writer() {
	for ids := range q.pending {
		for _, id := range ids {
			_, _ = q.db.Exec("UPDATE queue SET written = true WHERE id = $1", id)
		}
	}
}

// Batcher is generic: main makes an instance, whose flusher runs the
// generic code written here.
type Batcher[T any] struct {
	db *sql.DB
	in chan []T
}

func NewBatcher[T any](db *sql.DB) *Batcher[T] {
	b := &Batcher[T]{db: db, in: make(chan []T)}
	go b.flush()
	return b
}

func (b *Batcher[T]) flush() {
	for items := range b.in {
		for _, it := range items {
			_, _ = b.db.Exec("INSERT INTO batches (v) VALUES ($1)", it)
		}
	}
}
