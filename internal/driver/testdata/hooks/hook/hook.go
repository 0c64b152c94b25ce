// Package hook runs the handlers bound to a hook, each handing on to the
// next with the event's Next (pocketbase's tools/hook, cut down).
package hook

// Event is embedded in every event: Next runs the function its hook's
// Trigger set.
type Event struct{ next func() error }

func (e *Event) Next() error {
	if e.next != nil {
		return e.next()
	}
	return nil
}

func (e *Event) nextFunc() func() error     { return e.next }
func (e *Event) setNextFunc(f func() error) { e.next = f }

type Resolver interface {
	Next() error
	nextFunc() func() error
	setNextFunc(f func() error)
}

type Handler[T Resolver] struct{ Func func(T) error }

type Hook[T Resolver] struct{ handlers []*Handler[T] }

func (h *Hook[T]) Bind(handler *Handler[T]) { h.handlers = append(h.handlers, handler) }

func (h *Hook[T]) BindFunc(fn func(T) error) { h.Bind(&Handler[T]{Func: fn}) }

// Trigger runs the bound handlers, then the one-off ones, each through
// the event's Next.
func (h *Hook[T]) Trigger(event T, oneOff ...func(T) error) error {
	handlers := make([]func(T) error, 0, len(h.handlers)+len(oneOff))
	for _, handler := range h.handlers {
		handlers = append(handlers, handler.Func)
	}
	handlers = append(handlers, oneOff...)
	event.setNextFunc(nil)
	for i := len(handlers) - 1; i >= 0; i-- {
		i := i
		old := event.nextFunc()
		event.setNextFunc(func() error {
			event.setNextFunc(old)
			return handlers[i](event)
		})
	}
	return event.Next()
}
