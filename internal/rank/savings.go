package rank

import (
	"github.com/sqlheat/sqlheat/internal/report"
)

// Savings fills in what fixing buys: each finding's SavesPerMin and the
// report's Totals. The figures are queries per minute, so they exist only
// when a profile gives routes requests per minute (not shares of
// requests, not pg_stat_statements, which measures statements); without
// one Savings clears them.
//
// Everything is counted at one item per loop, a lower bound:
//
//   - A route runs rate × QueriesPerReq.AtOneItem queries per minute
//     ("3 + 1 per item" is 4 per request). Totals.QueriesPerMin sums that
//     over the routes: the queries per minute the profile implies.
//   - A queryinloop finding's fix removes at least one execution per
//     request: it either fetches the items' rows with the query the loop
//     walks (a JOIN: all N per-item executions go) or in one query before
//     the loop (= ANY($1): N-1 go), and a loop that repeats a query runs
//     at least two items. Nested loops do not compound the bound. Its
//     SavesPerMin is the sum, over the distinct routes reaching it, of
//     their rates.
//   - A handlerquery duplicate (the same statement twice in a request)
//     removes the repeats: rate × (k-1), where k is 1 + the places the
//     finding lists as related (each place the statement is issued
//     again), at least 2.
//   - Every other fix removes no query: an index, a column list or a
//     context makes queries cheaper or safer, not fewer. Its SavesPerMin
//     is 0 (the index cards show the traffic an index serves instead).
//
// Neither a LIMIT nor a profile raises the one item: a LIMIT bounds the
// items from above, and a profile counts requests, not rows.
//
// Totals.Top is report.DefaultTop (or every finding, when there are
// fewer), and TopSavesPerMin what fixing that many best ranked findings
// removes (report.Report.SavesOfTop, which
// counts two findings about one query once). Call Savings after the
// findings are ranked; Score does.
func Savings(rep *report.Report) {
	rep.Totals = nil
	perMin := rep.Traffic != nil && !rep.Traffic.Relative && rep.Traffic.Format != "pg_stat_statements"
	for i := range rep.Findings {
		f := &rep.Findings[i]
		f.SavesPerMin = 0
		if !perMin {
			continue
		}
		removed := removedPerRequest(f)
		if removed == 0 {
			continue
		}
		for _, r := range distinctRoutes(f.Routes) {
			f.SavesPerMin += r.Rate * removed
		}
	}
	if !perMin {
		return
	}
	t := &report.Totals{Top: min(report.DefaultTop, len(rep.Findings))}
	for _, r := range rep.Routes {
		t.QueriesPerMin += r.QueriesPerMin()
	}
	if t.QueriesPerMin == 0 {
		return // no route the profile names runs a query
	}
	t.TopSavesPerMin = rep.SavesOfTop(t.Top)
	t.SavesPerMin = rep.SavesOfTop(len(rep.Findings))
	rep.Totals = t
}

// removedPerRequest is how many executions of its query per request the
// finding's fix removes, at one item per loop (see Savings).
func removedPerRequest(f *report.Finding) float64 {
	switch {
	case f.Check == "queryinloop":
		return 1
	case f.Check == "handlerquery" && f.Kind == "duplicate":
		return float64(max(1+len(f.Related), 2) - 1)
	}
	return 0
}
