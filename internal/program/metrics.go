package program

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A Prometheus scrape runs the module's collectors. promhttp's handler
// (promhttp.Handler(), HandlerFor(reg, opts), or one
// InstrumentMetricHandler wraps) gathers every registered collector on
// each request, calling its Collect method — code of the module, which
// often counts rows (SELECT count(*) FROM deployments) to export them.
// The hand-off happens in client_golang, outside the module, so the graph
// stopped at the handler: a /metrics route ran no query. The graph takes
// the handler such a constructor makes, registered as a route or served
// in place (h := promhttp.Handler(); h.ServeHTTP(w, r)), as running the
// Collect method of each of the module's collectors: every method named
// Collect taking a chan<- prometheus.Metric, of which a scrape runs those
// registered (not told apart here: a collector written and never
// registered is rare).

const (
	promhttpPkg   = "github.com/prometheus/client_golang/prometheus/promhttp"
	promMetricTyp = "chan<- github.com/prometheus/client_golang/prometheus.Metric"
)

// promHandlers are promhttp's functions making a handler that gathers
// the registered collectors on each request.
var promHandlers = map[string]bool{"Handler": true, "HandlerFor": true, "HandlerForTransactional": true, "InstrumentMetricHandler": true}

// makesScrape reports whether fn makes a handler that runs the
// collectors per request.
func makesScrape(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == promhttpPkg && promHandlers[fn.Name()]
}

// collectors are the Collect methods of the module's Prometheus
// collectors, found once.
func (b *builder) collectors() []*Func {
	if b.collectDone {
		return b.collects
	}
	b.collectDone = true
	for _, f := range b.p.list {
		if f.Decl == nil || f.closure || f.Synthetic || f.Decl.Name() != "Collect" || f.sig == nil || f.sig.Recv() == nil {
			continue
		}
		if ps := f.sig.Params(); ps.Len() == 1 && types.TypeString(ps.At(0).Type(), nil) == promMetricTyp {
			b.collects = append(b.collects, f)
		}
	}
	return b.collects
}

// scraped is what a handler value v runs per request when a promhttp
// constructor made it (see above): the module's collectors; nil
// otherwise.
func (b *builder) scraped(v ssa.Value) []*Func {
	if x, ok := stripIface(v).(*ssa.Call); ok {
		if callee := x.Call.StaticCallee(); callee != nil {
			if fn, ok := callee.Object().(*types.Func); ok && makesScrape(fn) {
				return b.collectors()
			}
		}
	}
	return nil
}
