// Package safe is a service's own errgroup: it recovers the panics of
// the functions it starts.
package safe

import "sync"

type Group struct {
	wg   sync.WaitGroup
	errs []error
	mu   sync.Mutex
}

// Go runs f on a goroutine of its own.
func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer func() { _ = recover() }()
		if err := f(); err != nil {
			g.mu.Lock()
			g.errs = append(g.errs, err)
			g.mu.Unlock()
		}
	}()
}

func (g *Group) Wait() { g.wg.Wait() }
