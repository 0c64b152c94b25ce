// Package proxy decorates a datastore.
package proxy

import (
	"context"

	"example.com/txcallback/ds"
)

// Forward hands every call on to the datastore it wraps.
type Forward struct{ delegate ds.Datastore }

func NewForward(d ds.Datastore) ds.Datastore { return &Forward{delegate: d} }

func (p *Forward) ReadWriteTx(ctx context.Context, fn ds.TxUserFunc) error {
	return p.delegate.ReadWriteTx(ctx, fn)
}

func (p *Forward) Count(ctx context.Context) (int, error) { return p.delegate.Count(ctx) }

// Wrap runs the callback with a transaction of its own over the wrapped
// one.
type Wrap struct{ ds ds.Datastore }

func NewWrap(d ds.Datastore) ds.Datastore { return &Wrap{ds: d} }

func (w *Wrap) ReadWriteTx(ctx context.Context, fn ds.TxUserFunc) error {
	return w.ds.ReadWriteTx(ctx, func(ctx context.Context, tx ds.Tx) error {
		return fn(ctx, &checked{tx})
	})
}

func (w *Wrap) Count(ctx context.Context) (int, error) { return w.ds.Count(ctx) }

type checked struct{ ds.Tx }
