// Package busapp has types with HandleFunc(string, ...) methods that are
// no routers: an event bus whose handlers take events, and a pubsub
// whose handlers look like net/http's but whose topics are no paths.
// Neither registers a route.
package busapp

import (
	"database/sql"
	"net/http"
)

type Event struct{ Peer string }

// Bus groups and takes middlewares as a router does, but its handlers
// take an Event.
type Bus struct{ handlers map[string][]func(Event) }

func (b *Bus) HandleFunc(topic string, fn func(Event)) {
	b.handlers[topic] = append(b.handlers[topic], fn)
}

func (b *Bus) Group(prefix string) *Bus { return b }

func (b *Bus) Use(mw func(func(Event)) func(Event)) {}

// PubSub's handlers are net/http's (it serves webhooks), and it groups:
// by shape it is a ServeMux-style router; its topics are not paths.
type PubSub struct{ mux *http.ServeMux }

func (p *PubSub) HandleFunc(topic string, h http.HandlerFunc) {}

func (p *PubSub) With(mw func(http.Handler) http.Handler) *PubSub { return p }

type Service struct{ db *sql.DB }

func (s *Service) onPeer(e Event) {
	s.db.Exec("UPDATE peers SET seen = now() WHERE id = $1", e.Peer)
}

// onHook is registered on no router: as any handler left so, it is an
// entry of its own, not a route of the pubsub's topics.
func (s *Service) onHook(w http.ResponseWriter, r *http.Request) { // want `route busapp.\(\*Service\).onHook \[ANY busapp.\(\*Service\).onHook\] -> busapp.\(\*Service\).onHook: 1$`
	s.db.ExecContext(r.Context(), "INSERT INTO hooks (at) VALUES (now())")
}

func (s *Service) Wire(bus *Bus, ps *PubSub) {
	bus.HandleFunc("peer:created", s.onPeer)
	bus.Group("peer").HandleFunc("/updated", s.onPeer)
	ps.HandleFunc("peer:created", s.onHook)
	ps.HandleFunc("peer.deleted", s.onHook)
}
