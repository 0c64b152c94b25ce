// Package publish sends each kind of event to every endpoint configured,
// a method per kind, each passing the marshaler a value of its own type.
package publish

import (
	"database/sql"

	"example.com/tswitch/events"
	"example.com/tswitch/marshal"
)

type Publisher struct {
	URLs []string
	DB   *sql.DB
}

func (p *Publisher) send(url string, msg events.Message) {
	b, _ := marshal.Marshal(msg)
	post(url, b)
}

func post(url string, b []byte) {}

func (p *Publisher) Ack(ack events.Ack) {
	for _, u := range p.URLs {
		p.send(u, &ack) // silent: an ack's case runs no query
	}
}

func (p *Publisher) Status(st events.Status) {
	for _, u := range p.URLs {
		p.send(u, &st) // silent: no case for the interface holds for a status
	}
}

func (p *Publisher) Uplink(up events.Uplink) {
	for _, u := range p.URLs {
		p.send(u, &up) // reported: the uplink's case looks up its gateways
	}
}

func (p *Publisher) Location(loc events.Location) {
	for _, u := range p.URLs {
		p.send(u, &loc) // reported: a location is Located
	}
}

// Relay hands on the message its caller passed: of any kind.
func (p *Publisher) Relay(msg events.Message) {
	for _, u := range p.URLs {
		p.send(u, msg) // reported: msg may be an uplink
	}
}

// Retry marshals through Default, which assigns its parameter.
func (p *Publisher) Retry(ack events.Ack) {
	for range p.URLs {
		marshal.Default(&ack) // reported: Default's parameter is not what was passed
	}
}

// Wrap marshals an ack in an envelope.
func (p *Publisher) Wrap(ack events.Ack) {
	for range p.URLs {
		marshal.Wrapped(marshal.Envelope{Msg: &ack}) // reported: the type stored in a field is not followed
	}
}

// ServeAck stores an ack and publishes it once.
func (p *Publisher) ServeAck(id string) {
	p.DB.Exec("INSERT INTO acks (id) VALUES ($1)", id)
	p.send("", &events.Ack{ID: id})
}

// ServeUplink publishes an uplink once.
func (p *Publisher) ServeUplink(gws []string) {
	p.send("", &events.Uplink{Gateways: gws})
}
