// Package marshal turns events into JSON, looking up the gateways an
// uplink or a location names: the cases of a type switch on an interface
// parameter.
package marshal

import (
	"database/sql"
	"fmt"

	"example.com/tswitch/events"
)

var DB *sql.DB

// Marshal hands msg on to the type switch.
func Marshal(msg events.Message) ([]byte, error) { return marshalJSON(msg) }

func marshalJSON(msg events.Message) ([]byte, error) {
	switch v := msg.(type) {
	case *events.Uplink:
		return uplink(v)
	case events.Located: // an interface: the types implementing it
		return located(v)
	case *events.Ack, *events.Status:
		return []byte(msg.Kind()), nil
	default:
		return nil, fmt.Errorf("unknown message %T", msg)
	}
}

func uplink(v *events.Uplink) ([]byte, error) {
	var names []byte
	for _, id := range v.Gateways { // a query per gateway, in the case itself
		var name string
		DB.QueryRow("SELECT name FROM gateways WHERE id = $1", id).Scan(&name)
		names = append(names, name...)
	}
	return names, nil
}

func located(v events.Located) ([]byte, error) {
	var pos string
	DB.QueryRow("SELECT position FROM gateways WHERE id = $1", v.Gateway()).Scan(&pos)
	return []byte(pos), nil
}

// Default is an uplink when msg is nil: it assigns its parameter, whose
// type is then not the one the call passed.
func Default(msg events.Message) ([]byte, error) {
	if msg == nil {
		msg = &events.Uplink{}
	}
	if up, ok := msg.(*events.Uplink); ok {
		return uplink(up)
	}
	return []byte(msg.Kind()), nil
}

// Envelope carries a message in a field.
type Envelope struct{ Msg events.Message }

// Wrapped asserts the type of a value loaded from a field: what was
// stored there is not followed.
func Wrapped(env Envelope) ([]byte, error) {
	if up, ok := env.Msg.(*events.Uplink); ok {
		return uplink(up)
	}
	return nil, nil
}
