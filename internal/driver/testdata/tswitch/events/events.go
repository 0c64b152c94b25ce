// Package events has the kinds of event the service publishes, behind
// one interface.
package events

type Message interface{ Kind() string }

type Uplink struct{ Gateways []string }

func (*Uplink) Kind() string { return "up" }

type Ack struct{ ID string }

func (*Ack) Kind() string { return "ack" }

type Status struct{ Battery int }

func (*Status) Kind() string { return "status" }

// Located are the events that carry a gateway's position.
type Located interface {
	Message
	Gateway() string
}

type Location struct{ GatewayID string }

func (*Location) Kind() string      { return "location" }
func (l *Location) Gateway() string { return l.GatewayID }
