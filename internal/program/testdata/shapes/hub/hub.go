// Package hub dispatches events to handlers its constructor is given: one
// hub per feature, each made with the feature's own handlers, as a
// websocket hub shared by a planning-poker and a retrospective board is.
// The call graph keeps one set of values per field (and per map type), so
// every hub's dispatch reached every feature's handlers; which hub a call
// dispatches on says which handlers it runs.
package hub

import "context"

type Handler func(ctx context.Context, id int64) error

type Hub struct {
	handlers map[string]Handler
	confirm  Handler
}

func New(handlers map[string]Handler, confirm Handler) *Hub {
	return &Hub{handlers: handlers, confirm: confirm}
}

// Dispatch confirms the caller may, then runs the event's handler.
func (h *Hub) Dispatch(ctx context.Context, kind string, id int64) error {
	if h.confirm != nil {
		if err := h.confirm(ctx, id); err != nil {
			return err
		}
	}
	if fn, ok := h.handlers[kind]; ok {
		return fn(ctx, id)
	}
	return nil
}

// Bus is a hub too, but its handlers come from its caller's caller: which
// bus a call dispatches on does not say which handlers it runs.
type Bus struct{ handlers map[string]Handler }

func NewBus(handlers map[string]Handler) *Bus { return &Bus{handlers: handlers} }

func (b *Bus) Publish(ctx context.Context, kind string, id int64) error {
	return b.handlers[kind](ctx, id)
}

// Router is made with its handlers, but more are added later: what a call
// of Route runs is not only what the constructor was given.
type Router struct{ routes map[string]Handler }

func NewRouter(routes map[string]Handler) *Router { return &Router{routes: routes} }

func (r *Router) Add(kind string, fn Handler) { r.routes[kind] = fn }

func (r *Router) Route(ctx context.Context, kind string, id int64) error {
	return r.routes[kind](ctx, id)
}
