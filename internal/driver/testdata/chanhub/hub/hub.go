// Package hub runs the long-lived goroutines that requests hand their
// work to over channels: the hub, and one goroutine per topic.
package hub

import (
	"context"
	"database/sql"
)

// Join asks the hub to add a member to a topic.
type Join struct {
	Topic, User string
}

// Hub owns the topics.
type Hub struct {
	DB        *sql.DB
	join      chan *Join
	broadcast chan string
	stats     chan int
	results   chan string
	topics    map[string]*Topic
}

// Topic delivers a topic's messages on its own goroutine.
type Topic struct {
	db *sql.DB
	in chan string
}

// Events is where requests leave events for the recorder.
var Events = make(chan string, 16)

func New(db *sql.DB) *Hub {
	return &Hub{DB: db, join: make(chan *Join), broadcast: make(chan string), stats: make(chan int), results: make(chan string), topics: map[string]*Topic{}}
}

// Join hands a join to the hub.
func (h *Hub) Join(j *Join) { h.join <- j }

// Say hands a message to the hub, unless it is busy.
func (h *Hub) Say(msg string) {
	select {
	case h.broadcast <- msg:
	default:
	}
}

// Count hands the hub a count (a background job does).
func (h *Hub) Count(n int) { h.stats <- n }

// Result waits for the hub's next result.
func (h *Hub) Result() string { return <-h.results }

// Run is the hub's goroutine.
func (h *Hub) Run() {
	ctx := context.Background()
	for {
		select {
		case j := <-h.join:
			h.DB.ExecContext(ctx, `INSERT INTO members (topic, name) VALUES ($1, $2)`, j.Topic, j.User)
			t := h.topics[j.Topic]
			if t == nil {
				t = &Topic{db: h.DB, in: make(chan string)}
				h.topics[j.Topic] = t
				go t.run()
			}
			t.in <- j.User + " joined"
			go h.welcome(j.User)
		case m := <-h.broadcast:
			h.DB.ExecContext(ctx, `INSERT INTO messages (body) VALUES ($1)`, m)
		case n := <-h.stats:
			h.DB.ExecContext(ctx, `UPDATE stats SET messages = $1`, n)
			h.results <- "counted"
		}
	}
}

// welcome greets a new member, on a goroutine the hub starts per join.
func (h *Hub) welcome(user string) {
	h.DB.ExecContext(context.Background(), `INSERT INTO welcomes (name) VALUES ($1)`, user)
}

// run is a topic's goroutine: each message is delivered to every member.
func (t *Topic) run() {
	for m := range t.in {
		rows, _ := t.db.QueryContext(context.Background(), `SELECT name FROM members`)
		var names []string
		for rows.Next() {
			var n string
			rows.Scan(&n)
			names = append(names, n)
		}
		for _, n := range names {
			t.db.ExecContext(context.Background(), `INSERT INTO deliveries (name, body) VALUES ($1, $2)`, n, m)
		}
	}
}

// Record is the recorder's goroutine.
func Record(db *sql.DB) {
	for {
		e := <-Events
		db.ExecContext(context.Background(), `INSERT INTO events (body) VALUES ($1)`, e)
	}
}
