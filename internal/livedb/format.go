package livedb

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// String is the evidence as the report's detail line says it:
//
//	confirmed by the planner: Seq Scan on orders, 1.2M rows; cost 48,000 → 310 with the index
func (e Evidence) String() string {
	switch e.Verdict {
	case Confirmed:
		return fmt.Sprintf("confirmed by the planner: %s, %s rows; cost %s → %s with the index",
			e.PlanNode, approx(e.TableRows), approx(e.CostBefore), approx(e.CostAfter))
	case Downgraded:
		return "downgraded by the planner: " + e.Reason
	case Retracted:
		return "retracted by the planner: " + e.Reason
	case Usable:
		return "usable: " + e.Reason
	}
	return "not verified: " + e.Reason
}

// approx shows a row count or a cost for people: whole numbers with
// thousands separated up to a million ("48,000"), then one decimal and a
// unit ("1.2M", "3.4B"). A negative count is unknown (reltuples of a
// table never analyzed).
func approx(v float64) string {
	switch {
	case v < 0 || math.IsNaN(v):
		return "an unknown number of"
	case v >= 1e9:
		return trimZero(v/1e9) + "B"
	case v >= 1e6:
		return trimZero(v/1e6) + "M"
	}
	digits := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func trimZero(v float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64), ".0")
}
