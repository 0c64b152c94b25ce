// Package health answers whether the service it checks is ready.
package health

import (
	"context"
	"net/http"
)

type Target interface {
	IsReady(ctx context.Context) (bool, error)
}

type Checker struct {
	Target
	Name string
}

func (o *Checker) Check(w http.ResponseWriter, r *http.Request) {
	ready, err := o.IsReady(r.Context())
	if err != nil || !ready {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}
