// Package feature has two features, each with a hub of its own handlers.
package feature

import (
	"context"
	"database/sql"

	"example.com/shapes/hub"
)

type Polls struct {
	db  *sql.DB
	hub *hub.Hub
}

func NewPolls(db *sql.DB) *Polls {
	p := &Polls{db: db}
	p.hub = hub.New(map[string]hub.Handler{
		"vote":  p.vote,
		"close": p.close,
	}, p.owner)
	return p
}

// Event runs the polls' handlers, not the boards'.
func (p *Polls) Event(ctx context.Context, kind string, id int64) error {
	return p.hub.Dispatch(ctx, kind, id)
}

func (p *Polls) vote(ctx context.Context, id int64) error {
	_, err := p.db.ExecContext(ctx, `UPDATE polls SET votes = votes + 1 WHERE id = $1`, id) // vote
	return err
}

func (p *Polls) close(ctx context.Context, id int64) error {
	_, err := p.db.ExecContext(ctx, `UPDATE polls SET closed = true WHERE id = $1`, id) // close
	return err
}

func (p *Polls) owner(ctx context.Context, id int64) error {
	_, err := p.db.ExecContext(ctx, `SELECT owner FROM polls WHERE id = $1`, id) // owner
	return err
}

type Boards struct {
	db  *sql.DB
	hub *hub.Hub
}

func NewBoards(db *sql.DB) *Boards {
	b := &Boards{db: db}
	b.hub = hub.New(map[string]hub.Handler{"move": b.move}, nil)
	return b
}

// Event runs the boards' handler, not the polls'.
func (b *Boards) Event(ctx context.Context, kind string, id int64) error {
	return b.hub.Dispatch(ctx, kind, id)
}

func (b *Boards) move(ctx context.Context, id int64) error {
	_, err := b.db.ExecContext(ctx, `UPDATE cards SET col = col + 1 WHERE id = $1`, id) // move
	return err
}

// Feed's bus gets its handlers from NewFeed's caller: a call of Publish
// may run any handler the program hands a bus.
type Feed struct{ bus *hub.Bus }

func NewFeed(handlers map[string]hub.Handler) *Feed { return &Feed{bus: hub.NewBus(handlers)} }

func (f *Feed) Post(ctx context.Context, id int64) error { return f.bus.Publish(ctx, "post", id) }

func Wire(db *sql.DB) (*Polls, *Boards, *Feed) {
	p, b := NewPolls(db), NewBoards(db)
	return p, b, NewFeed(map[string]hub.Handler{"vote": p.vote, "move": b.move})
}

// Chat's router gets a handler after it is made.
type Chat struct {
	db     *sql.DB
	router *hub.Router
}

func NewChat(db *sql.DB) *Chat {
	c := &Chat{db: db}
	c.router = hub.NewRouter(map[string]hub.Handler{})
	c.router.Add("say", c.say)
	return c
}

func (c *Chat) Event(ctx context.Context, kind string, id int64) error {
	return c.router.Route(ctx, kind, id)
}

func (c *Chat) say(ctx context.Context, id int64) error {
	_, err := c.db.ExecContext(ctx, `INSERT INTO lines (chat) VALUES ($1)`, id) // say
	return err
}
