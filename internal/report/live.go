package report

import (
	"fmt"
	"io"
	"strings"
)

// Evidence is what a live database said about a finding (-dsn): how the
// planner reads the table now and what the suggested index changes. See
// internal/livedb for the verdicts.
type Evidence struct {
	// Verdict is confirmed, downgraded, retracted, usable (scratch
	// mode: the planner can use the index, which says nothing of
	// whether it pays) or unverified.
	Verdict string `json:"verdict"`
	// Summary says the verdict and why in one line, as the text report's
	// detail line: "confirmed by the planner: Seq Scan on orders, 1.2M
	// rows; cost 48,000 → 310 with the index".
	Summary    string  `json:"summary"`
	PlanNode   string  `json:"plan_node,omitempty"`
	TableRows  int64   `json:"table_rows"` // -1 when the table was never analyzed
	TableBytes int64   `json:"table_bytes"`
	CostBefore float64 `json:"cost_before"` // the statement's planner cost now
	CostAfter  float64 `json:"cost_after"`  // with the suggested index; 0 when not tried
	IndexUsed  bool    `json:"index_used"`
	// Drift is a difference between the database and the migrations the
	// verdict rests on, such as an index the database has and they lack.
	Drift string `json:"drift,omitempty"`
}

// Live describes the database that gave evidence, what it has that the
// migrations do not (or the reverse), and the findings it retracted.
type Live struct {
	Database string `json:"database"`
	Host     string `json:"host"`
	Version  string `json:"version"`
	// Scratch is set when the database was a temporary one built from
	// the migrations (-scratch), dropped after the run.
	Scratch bool `json:"scratch,omitempty"`
	// HypoPG and PGSS are the versions of the extensions, "" when the
	// database does not have them.
	HypoPG string   `json:"hypopg,omitempty"`
	PGSS   string   `json:"pg_stat_statements,omitempty"`
	Drift  []string `json:"drift,omitempty"`
	// Retracted are the findings the planner showed to be wrong: not
	// among Findings (they fail no build), kept here with their evidence.
	Retracted []Finding `json:"retracted,omitempty"`
}

// Verdicts counts the evidence of the findings by verdict, in the order
// of the words, for summaries: "1 confirmed, 2 retracted".
func (r *Report) Verdicts() string {
	counts := map[string]int{}
	for _, f := range r.Findings {
		if f.Evidence != nil {
			counts[f.Evidence.Verdict]++
		}
	}
	if r.Live != nil {
		counts["retracted"] += len(r.Live.Retracted)
	}
	var parts []string
	for _, v := range []string{"confirmed", "usable", "downgraded", "retracted", "unverified"} {
		if counts[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[v], v))
		}
	}
	if len(parts) == 0 {
		return "no finding to check"
	}
	return strings.Join(parts, ", ")
}

// describe names the database, for the reports' live section.
func (l *Live) describe() string {
	version, _, _ := strings.Cut(l.Version, " ") // "15.18 (Debian 15.18-0+deb12u1)"
	s := fmt.Sprintf("database %s on %s (PostgreSQL %s", l.Database, l.Host, version)
	if l.Scratch {
		s = fmt.Sprintf("a scratch database built from the migrations on %s (PostgreSQL %s", l.Host, version)
	}
	switch {
	case l.HypoPG != "":
		s += ", hypopg " + l.HypoPG
	case !l.Scratch:
		s += ", without hypopg"
	}
	if l.PGSS != "" {
		s += ", pg_stat_statements " + l.PGSS
	}
	return s + ")"
}

// writeLiveText writes the live section of the text reports: the
// database, the verdicts, the drift, the retracted findings.
func writeLiveText(w io.Writer, r *Report) {
	if r.Live == nil {
		return
	}
	fmt.Fprintf(w, "\nLive database: %s\n  %s\n", r.Live.describe(), r.Verdicts())
	for _, d := range r.Live.Drift {
		fmt.Fprintf(w, "  drift: %s\n", d)
	}
	for _, f := range r.Live.Retracted {
		fmt.Fprintf(w, "  %s:%d:%d: %s\n", f.File, f.Line, f.Column, f.Evidence.Summary)
	}
}

// writeLiveMarkdown is writeLiveText for the pull-request comment.
func writeLiveMarkdown(w io.Writer, r *Report, opts Options) {
	if r.Live == nil {
		return
	}
	fmt.Fprintf(w, "\n#### Live database\n\nEvidence from %s: %s.\n", escapeMD(r.Live.describe()), escapeMD(r.Verdicts()))
	if len(r.Live.Drift) > 0 {
		fmt.Fprintf(w, "\nThe database and the migrations differ:\n\n")
		for _, d := range r.Live.Drift {
			fmt.Fprintf(w, "- %s\n", escapeMD(d))
		}
	}
	if len(r.Live.Retracted) > 0 {
		fmt.Fprintf(w, "\nRetracted:\n\n")
		for _, f := range r.Live.Retracted {
			fmt.Fprintf(w, "- %s: %s\n", mdLocation(opts, f.File, f.Line), escapeMD(f.Evidence.Summary))
		}
	}
}
