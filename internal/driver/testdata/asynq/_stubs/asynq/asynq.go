// Package asynq stubs hibiken/asynq's API: a server takes tasks off the
// queue and hands each to its handler, a ServeMux routing them by type,
// on goroutines of its own.
package asynq

import "context"

type Task struct {
	typename string
	payload  []byte
}

func NewTask(typename string, payload []byte) *Task { return &Task{typename, payload} }

func (t *Task) Type() string    { return t.typename }
func (t *Task) Payload() []byte { return t.payload }

type Handler interface {
	ProcessTask(context.Context, *Task) error
}

type HandlerFunc func(context.Context, *Task) error

func (fn HandlerFunc) ProcessTask(ctx context.Context, task *Task) error { return fn(ctx, task) }

type MiddlewareFunc func(Handler) Handler

type ServeMux struct {
	m   map[string]Handler
	mws []MiddlewareFunc
}

func NewServeMux() *ServeMux { return &ServeMux{m: map[string]Handler{}} }

func (mux *ServeMux) Handle(pattern string, handler Handler) { mux.m[pattern] = handler }

func (mux *ServeMux) HandleFunc(pattern string, handler func(context.Context, *Task) error) {
	mux.Handle(pattern, HandlerFunc(handler))
}

func (mux *ServeMux) Use(mws ...MiddlewareFunc) { mux.mws = append(mux.mws, mws...) }

func (mux *ServeMux) ProcessTask(ctx context.Context, task *Task) error {
	h := mux.m[task.Type()]
	for i := len(mux.mws) - 1; i >= 0; i-- {
		h = mux.mws[i](h)
	}
	return h.ProcessTask(ctx, task)
}

type RedisClientOpt struct{ Addr string }

type Config struct{ Concurrency int }

type Server struct{ tasks chan *Task }

func NewServer(r RedisClientOpt, cfg Config) *Server { return &Server{tasks: make(chan *Task)} }

func (srv *Server) Start(handler Handler) error {
	go func() {
		for t := range srv.tasks {
			go handler.ProcessTask(context.Background(), t)
		}
	}()
	return nil
}

func (srv *Server) Run(handler Handler) error {
	if err := srv.Start(handler); err != nil {
		return err
	}
	select {}
}
