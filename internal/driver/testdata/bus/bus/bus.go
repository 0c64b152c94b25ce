// Package bus sends messages to the functions registered for their type:
// one handler per query or command, any number of listeners per event.
package bus

import (
	"context"
	"reflect"
)

type HandlerFunc any
type Msg any

var handlers = make(map[string]HandlerFunc)
var listeners = make(map[string][]HandlerFunc)

func AddHandler(handler HandlerFunc) {
	elem := reflect.TypeOf(handler).In(1).Elem()
	handlers[keyFor(elem)] = handler
}

func AddListener(handler HandlerFunc) {
	elem := reflect.TypeOf(handler).In(1).Elem()
	key := keyFor(elem)
	listeners[key] = append(listeners[key], handler)
}

func Dispatch(ctx context.Context, msgs ...Msg) error {
	for _, msg := range msgs {
		handler := handlers[keyFor(reflect.TypeOf(msg).Elem())]
		ret := reflect.ValueOf(handler).Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(msg)})
		if err := ret[0].Interface(); err != nil {
			return err.(error)
		}
	}
	return nil
}

func MustDispatch(ctx context.Context, msgs ...Msg) {
	if err := Dispatch(ctx, msgs...); err != nil {
		panic(err)
	}
}

func Publish(ctx context.Context, msgs ...Msg) {
	for _, msg := range msgs {
		for _, listener := range listeners[keyFor(reflect.TypeOf(msg).Elem())] {
			reflect.ValueOf(listener).Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(msg)})
		}
	}
}

func keyFor(t reflect.Type) string { return t.PkgPath() + "." + t.Name() }
