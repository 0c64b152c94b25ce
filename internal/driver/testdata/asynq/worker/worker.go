// Package worker registers task handlers through a helper and a
// middleware of its own, as frain-dev/convoy's Consumer does.
package worker

import (
	"context"
	"log"

	"github.com/hibiken/asynq"
)

type TaskName string

type Consumer struct {
	mux *asynq.ServeMux
	srv *asynq.Server
}

func New(srv *asynq.Server) *Consumer { return &Consumer{mux: asynq.NewServeMux(), srv: srv} }

func (c *Consumer) Register(name TaskName, fn func(context.Context, *asynq.Task) error) {
	c.mux.HandleFunc(string(name), c.logging(asynq.HandlerFunc(fn)).ProcessTask)
}

// RegisterPlain hands fn on as it is.
func (c *Consumer) RegisterPlain(name TaskName, fn func(context.Context, *asynq.Task) error) {
	c.mux.HandleFunc(string(name), fn)
}

func (c *Consumer) Start() error { return c.srv.Start(c.mux) }

func (c *Consumer) logging(h asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		log.Println("task", t.Type())
		return c.run(ctx, h, t)
	})
}

func (c *Consumer) run(ctx context.Context, h asynq.Handler, t *asynq.Task) error {
	return h.ProcessTask(ctx, t)
}
