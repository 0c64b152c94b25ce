package traffic

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// Default label names, tried in order. The OpenTelemetry semantic
// conventions' names come last: the OTel Prometheus exporter writes
// http_route and http_request_method.
var (
	DefaultRouteLabels  = []string{"route", "path", "handler", "pattern", "http_route"}
	DefaultMethodLabels = []string{"method", "http_request_method"}
)

// fromPrometheus reads a scrape of the service's /metrics: one request
// counter (or the _count of a request histogram or summary), summed over
// every label but route and method. The counters are totals since the
// process started, and a scrape does not say when that was, so unless
// opt.Window says how long they cover, the rates are relative.
func (p *Profile) fromPrometheus(r io.Reader, opt Options) *Error {
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(r)
	if err != nil {
		var pe expfmt.ParseError
		if errors.As(err, &pe) {
			return &Error{Line: pe.Line, Err: errors.New(pe.Msg)}
		}
		return &Error{Err: err}
	}
	samples := 0
	for _, fam := range fams {
		samples += len(fam.GetMetric())
	}
	if samples == 0 {
		return nil // comments and types only: an empty profile, which parse says
	}
	routeLabels := opt.RouteLabels
	if len(routeLabels) == 0 {
		routeLabels = DefaultRouteLabels
	}
	methodLabels := DefaultMethodLabels
	if opt.MethodLabel != "" {
		methodLabels = []string{opt.MethodLabel}
	}

	fam, label, e := p.pickFamily(fams, opt.Metric, routeLabels)
	if e != nil || fam == nil {
		return e
	}
	counts := make(map[string]float64) // by route key
	var set routeSet
	var total, unrouted float64
	for _, m := range fam.GetMetric() {
		n, ok := sampleCount(fam.GetType(), m)
		if !ok {
			p.warnf("%s%s: value is not a count; skipped", fam.GetName(), labelString(m))
			continue
		}
		total += n
		route := labelValue(m, label)
		if route == "" {
			unrouted += n
			continue
		}
		pat := httppattern.Parse(route)
		if method := firstLabel(m, methodLabels); method != "" {
			pat.Method = strings.ToUpper(method)
		}
		counts[pat.Key()] += n
		set.add(pat, 0)
	}
	if total == 0 {
		p.warnf("%s counts no requests", fam.GetName())
		return nil
	}
	if unrouted > 0 {
		p.warnf("%.0f of %.0f requests (%.1f%%) in %s have no %s label", unrouted, total, 100*unrouted/total, fam.GetName(), label)
	}
	p.Relative = opt.Window <= 0
	for k, r := range set.byKey {
		if p.Relative {
			r.Rate = 100 * counts[k] / total
		} else {
			r.Rate = counts[k] / opt.Window.Minutes()
		}
	}
	p.Routes = set.routes()
	return nil
}

// pickFamily chooses the metric to read: the one named, or the likeliest
// request counter among those carrying a route label. It returns a nil
// family when there is none, having warned.
func (p *Profile) pickFamily(fams map[string]*dto.MetricFamily, name string, routeLabels []string) (*dto.MetricFamily, string, *Error) {
	if name != "" {
		fam := fams[name]
		if fam == nil {
			// A histogram is named without its _count suffix.
			fam = fams[strings.TrimSuffix(name, "_count")]
		}
		if fam == nil {
			return nil, "", &Error{Err: fmt.Errorf("no metric %q", name)}
		}
		label := routeLabel(fam, routeLabels)
		if label == "" {
			return nil, "", &Error{Err: fmt.Errorf("metric %q has none of the route labels %s", name, strings.Join(routeLabels, ", "))}
		}
		return fam, label, nil
	}
	type candidate struct {
		fam   *dto.MetricFamily
		label string
		score int
	}
	var cands []candidate
	for _, fam := range fams {
		score, ok := requestScore(fam)
		if !ok {
			continue
		}
		if label := routeLabel(fam, routeLabels); label != "" {
			cands = append(cands, candidate{fam, label, score})
		}
	}
	if len(cands) == 0 {
		p.warnf("no request counter with a route label (%s)", strings.Join(routeLabels, ", "))
		return nil, "", nil
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.fam.GetName(), b.fam.GetName()))
	})
	if len(cands) > 1 {
		var others []string
		for _, c := range cands[1:] {
			others = append(others, c.fam.GetName())
		}
		p.warnf("reading %s; also found %s (name the metric to read another)", cands[0].fam.GetName(), strings.Join(others, ", "))
	}
	return cands[0].fam, cands[0].label, nil
}

// requestScore rates how likely a metric family counts requests, from its
// type and name. Counters of bytes or seconds, and gauges, count something
// else; a histogram's count is one per observation, that is per request,
// whatever it observes.
func requestScore(fam *dto.MetricFamily) (int, bool) {
	name := strings.ToLower(fam.GetName())
	score := 0
	switch fam.GetType() {
	case dto.MetricType_COUNTER:
		score = 4
	case dto.MetricType_HISTOGRAM, dto.MetricType_SUMMARY:
		score = 3
	case dto.MetricType_UNTYPED:
		switch {
		case strings.HasSuffix(name, "_total"):
			score = 2
		case strings.HasSuffix(name, "_count"):
			score = 1 // a histogram's _count scraped without its TYPE line
		default:
			return 0, false
		}
	default:
		return 0, false
	}
	if fam.GetType() == dto.MetricType_COUNTER || fam.GetType() == dto.MetricType_UNTYPED {
		for _, not := range []string{"bytes", "seconds", "size", "error", "fail", "panic"} {
			if strings.Contains(name, not) {
				return 0, false
			}
		}
	}
	if strings.Contains(name, "request") {
		score += 4
	}
	if strings.Contains(name, "http") {
		score++
	}
	return score, true
}

// routeLabel is the first of names that some metric of fam carries.
func routeLabel(fam *dto.MetricFamily, names []string) string {
	for _, n := range names {
		for _, m := range fam.GetMetric() {
			if labelValue(m, n) != "" {
				return n
			}
		}
	}
	return ""
}

func labelValue(m *dto.Metric, name string) string {
	for _, lp := range m.GetLabel() {
		if lp.GetName() == name {
			return lp.GetValue()
		}
	}
	return ""
}

func firstLabel(m *dto.Metric, names []string) string {
	for _, n := range names {
		if v := labelValue(m, n); v != "" {
			return v
		}
	}
	return ""
}

func labelString(m *dto.Metric) string {
	var parts []string
	for _, lp := range m.GetLabel() {
		parts = append(parts, fmt.Sprintf("%s=%q", lp.GetName(), lp.GetValue()))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// sampleCount is how many requests one series counted; ok is false for a
// value no counter can have (NaN, infinite, negative).
func sampleCount(typ dto.MetricType, m *dto.Metric) (float64, bool) {
	var v float64
	switch typ {
	case dto.MetricType_COUNTER:
		v = m.GetCounter().GetValue()
	case dto.MetricType_UNTYPED:
		v = m.GetUntyped().GetValue()
	case dto.MetricType_GAUGE:
		v = m.GetGauge().GetValue()
	case dto.MetricType_HISTOGRAM, dto.MetricType_GAUGE_HISTOGRAM:
		h := m.GetHistogram()
		v = float64(h.GetSampleCount())
		if h.GetSampleCountFloat() > 0 {
			v = h.GetSampleCountFloat()
		}
	case dto.MetricType_SUMMARY:
		v = float64(m.GetSummary().GetSampleCount())
	}
	return v, !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0
}
