// Package app mounts the generated router under a configured prefix, as
// tracetest does: a Router whose Routes are another's, each pattern
// under the prefix.
package app

import (
	"fmt"

	"example.com/openapi/openapi"
)

type PrefixedRouter struct {
	prefix string
	router openapi.Router
}

func NewPrefixedRouter(router openapi.Router, prefix string) openapi.Router {
	return PrefixedRouter{prefix: prefix, router: router}
}

func (r PrefixedRouter) Routes() openapi.Routes {
	routes := r.router.Routes()
	prefixed := make(openapi.Routes, 0, len(routes))
	for _, route := range routes {
		p := route
		p.Pattern = fmt.Sprintf("%s%s", r.prefix, route.Pattern)
		prefixed = append(prefixed, p)
	}
	return prefixed
}
