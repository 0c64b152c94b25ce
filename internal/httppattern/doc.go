// Package httppattern parses the route patterns of Go HTTP routers into one
// canonical form and matches concrete request paths against them.
//
// sqlheat meets the same route spelled many ways: the routes pass reads
// net/http ServeMux patterns ("GET /items/{id}"), chi ("/items/{id:[0-9]+}",
// "/static/*"), gin, echo and httprouter ("/items/:id",
// "/static/*filepath"), fiber ("/items/:id?", "/files/+"), fasthttp/router
// ("/items/{id}", "/static/{filepath:*}") and "<id>"-style templates, while a traffic profile names the route the way
// its metrics library or its author did. Ranking needs both sides to meet,
// so Parse reduces every pattern to a canonical path in which each
// single-segment parameter is "{}" and each rest-of-path wildcard is "{...}":
// "/items/{id}", "/items/:id" and "/items/<int:id>" all become "/items/{}".
// The pattern as written is kept for display, since "{}" means nothing to a
// reader.
//
// Matching follows ServeMux, the most demanding of the routers: a trailing
// slash makes a subtree pattern, "{$}" anchors the end, a GET pattern also
// serves HEAD. When several patterns match a request, the Matcher picks the
// most specific: at the first segment where they differ, a literal beats a
// segment with literal text around a parameter, which beats a constrained
// parameter, which beats a plain parameter, which beats a wildcard. This is
// a total order, unlike ServeMux's (which rejects ambiguous pairs at
// registration), because sqlheat must attribute every request somewhere
// deterministically, even for routes that a real mux would refuse.
package httppattern
