package livedb

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Node is a node of a plan, as EXPLAIN (FORMAT JSON, VERBOSE) gives it,
// reduced to what the verdicts need.
type Node struct {
	Type          string  `json:"Node Type"`
	ParallelAware bool    `json:"Parallel Aware"`
	Relation      string  `json:"Relation Name"`
	Schema        string  `json:"Schema"`
	Index         string  `json:"Index Name"`
	StartupCost   float64 `json:"Startup Cost"`
	TotalCost     float64 `json:"Total Cost"`
	Rows          float64 `json:"Plan Rows"`
	Filter        string  `json:"Filter"`
	IndexCond     string  `json:"Index Cond"`
	Plans         []*Node `json:"Plans"`
}

// parsePlan reads EXPLAIN (FORMAT JSON) output: a one-element array of
// {"Plan": root}.
func parsePlan(data []byte) (*Node, error) {
	var out []struct {
		Plan *Node `json:"Plan"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("reading the plan: %w", err)
	}
	if len(out) != 1 || out[0].Plan == nil {
		return nil, fmt.Errorf("reading the plan: %d plans, want 1", len(out))
	}
	return out[0].Plan, nil
}

// walk calls f for n and every node below it, depth first, until f
// returns false.
func (n *Node) walk(f func(*Node) bool) bool {
	if !f(n) {
		return false
	}
	for _, c := range n.Plans {
		if !c.walk(f) {
			return false
		}
	}
	return true
}

// indexes returns the indexes a scan node reads: its own (Index Scan,
// Index Only Scan) or, for a Bitmap Heap Scan, those of the Bitmap Index
// Scans below it.
func (n *Node) indexes() []string {
	var out []string
	var visit func(m *Node)
	visit = func(m *Node) {
		if m != n && m.Relation != "" {
			return // another table's scan, in a subplan
		}
		if m.Index != "" && !slices.Contains(out, m.Index) {
			out = append(out, m.Index)
		}
		for _, c := range m.Plans {
			visit(c)
		}
	}
	visit(n)
	return out
}

// String names a scan as EXPLAIN's text format does: "Seq Scan on
// orders", "Parallel Seq Scan on orders", "Index Scan using i on
// orders", "Bitmap Heap Scan on orders".
func (n *Node) String() string {
	typ := n.Type
	if n.ParallelAware {
		typ = "Parallel " + typ
	}
	switch {
	case n.Relation == "":
		return typ
	case n.Index != "":
		return fmt.Sprintf("%s using %s on %s", typ, n.Index, n.Relation)
	}
	return typ + " on " + n.Relation
}

// scans reports whether the node reads a table (Seq Scan, Index Scan,
// Bitmap Heap Scan...), as opposed to writing it (ModifyTable, which
// names its table too).
func (n *Node) scans() bool { return strings.HasSuffix(n.Type, " Scan") }
