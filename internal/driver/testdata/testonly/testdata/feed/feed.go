// Package feed is a dependency that calls back the handler it is given.
package feed

type Row struct{ ID int }

type Event struct{ Rows []Row }

// EventHandler is called for each event the client reads.
type EventHandler interface {
	OnRow(e *Event)
}

type Client struct{ h EventHandler }

func New() *Client { return &Client{} }

func (c *Client) SetEventHandler(h EventHandler) { c.h = h }

func (c *Client) Run() {
	if c.h != nil {
		c.h.OnRow(&Event{})
	}
}
