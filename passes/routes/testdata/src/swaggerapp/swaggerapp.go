// Package swaggerapp holds a go-swagger API's handler map and, here, its
// embedded spec: the routes read under the spec's basePath. A map filled
// with keys chosen at run time, a map of other values and a key that is
// no HTTP method register nothing.
package swaggerapp

import (
	"encoding/json"
	"net/http"
)

// SwaggerJSON is the embedded spec, as go-swagger writes it: split where
// its text holds a backquote.
var SwaggerJSON = json.RawMessage([]byte(`{
  "swagger": "2.0",
  "info": {"description": "Flags, as in ` + "`" + `flagr` + "`" + `."},
  "basePath": "/api/v1",
  "paths": {}
}`))

// notSpec names basePath but is no spec.
const notSpec = `{"basePath": "/other"}`

type FindFlags struct{}

func (o *FindFlags) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func NewFindFlags() *FindFlags { return &FindFlags{} }

type API struct {
	handlers map[string]map[string]http.Handler
	names    map[string]map[string]string
}

func (o *API) initHandlerCache() {
	o.handlers = map[string]map[string]http.Handler{"GET": {}, "TRACE2": {}}
	o.handlers["GET"]["/flags"] = NewFindFlags() // want `route GET /api/v1/flags \[GET /api/v1/flags\] -> swaggerapp.\(\*FindFlags\).ServeHTTP: 0$`
	o.handlers["TRACE2"]["/flags"] = NewFindFlags()
	o.names = map[string]map[string]string{"GET": {}}
	o.names["GET"]["/flags"] = "findFlags"
}

// AddMiddlewareFor wraps one operation's handler: no route.
func (o *API) AddMiddlewareFor(method, path string, builder func(http.Handler) http.Handler) {
	o.handlers[method][path] = builder(o.handlers[method][path])
}
