package livedb

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Verdict is what the planner says about a suggested index.
type Verdict string

const (
	Confirmed  Verdict = "confirmed"
	Downgraded Verdict = "downgraded"
	Retracted  Verdict = "retracted"
	Usable     Verdict = "usable"
	Unverified Verdict = "unverified"
)

// Candidate is a missingindex finding to put to the database.
type Candidate struct {
	SQL   string // the statement, with $n parameters, as the finding has it
	Index string // the suggested CREATE INDEX [CONCURRENTLY] statement
}

// Evidence is what the database says about a Candidate.
type Evidence struct {
	Verdict Verdict
	// Reason says why, in words for the report: the numbers behind a
	// downgrade, the index that makes the finding moot, what went wrong.
	Reason string
	Table  string // the table, schema-qualified as the database resolved it
	// PlanNode is how the current plan reads the table ("Seq Scan on
	// orders"), with CostBefore the statement's total cost.
	PlanNode   string
	TableRows  float64 // pg_class.reltuples (summed over partitions); -1 when never analyzed
	TableBytes int64   // pg_total_relation_size
	CostBefore float64
	// CostAfter is the statement's cost with the index, 0 when it was
	// not tried (and in scratch mode, where costs over empty tables say
	// nothing).
	CostAfter float64
	IndexUsed bool // the planner chose the suggested index
	// Drift is the difference between the database and the migrations
	// the verdict rests on ("" when none).
	Drift string
}

// Evidence puts each candidate to the database, in order. Problems with
// one candidate are in its Evidence (Unverified, with the reason); the
// error is for the session itself failing (the connection lost, ctx
// canceled), after which the remaining candidates stay Unverified.
func (s *Session) Evidence(ctx context.Context, cands []Candidate) ([]Evidence, error) {
	out := make([]Evidence, len(cands))
	for i, c := range cands {
		ev, err := s.evidence(ctx, c)
		if err != nil {
			for j := i; j < len(out); j++ {
				out[j] = Evidence{Verdict: Unverified, Reason: "the database session failed"}
			}
			return out, err
		}
		out[i] = ev
	}
	return out, nil
}

// evidence judges one candidate inside a savepoint, rolled back after:
// the session is as it was before, whatever happened.
func (s *Session) evidence(ctx context.Context, c Candidate) (ev Evidence, err error) {
	ev.Verdict = Unverified
	ci, create, perr := sqlparse.IndexInTx(c.Index, s.next("sqlheat_index"))
	if perr != nil {
		ev.Reason = "the suggestion is not a CREATE INDEX statement sqlheat can read: " + perr.Error()
		return ev, nil
	}
	if reason := plannable(c.SQL); reason != "" {
		ev.Reason = reason
		return ev, nil
	}
	err = s.within(ctx, func() error {
		t, err := s.table(ctx, ci.Table)
		if err != nil {
			return err
		}
		if t == nil {
			ev.Reason = fmt.Sprintf("the database has no table %s", ci.Table)
			ev.Drift = s.missingTableDrift(ci.Table)
			return nil
		}
		ev.Table, ev.TableRows, ev.TableBytes = t.qualified(), t.rows, t.bytes
		before, err := s.plan(ctx, c.SQL)
		if err != nil {
			return err
		}
		scan := before.scanOf(t)
		if scan == nil {
			ev.Reason = fmt.Sprintf("the plan does not read %s", t.name)
			return nil
		}
		ev.PlanNode = scan.String()
		if s.scratch != nil {
			return s.judgeScratch(ctx, c, t, create, scan, &ev)
		}
		ev.CostBefore = before.TotalCost
		return s.judge(ctx, c, t, create, scan, &ev)
	})
	if ferr := s.forget(ctx); err == nil {
		err = ferr
	}
	if err != nil && !s.alive(ctx) {
		return ev, s.wrap("plan", err)
	}
	if err != nil {
		ev.Verdict, ev.Reason = Unverified, s.reasonOf(err)
	}
	return ev, nil
}

// judge decides a candidate on a live database (see the package doc).
// scan is how the current plan reads t.
func (s *Session) judge(ctx context.Context, c Candidate, t *table, create string, scan *Node, ev *Evidence) error {
	existing := scan.indexes()
	if s.hypoNS == "" {
		if len(existing) > 0 {
			return s.retractExisting(ctx, t, scan, existing, ev)
		}
		ev.Reason = fmt.Sprintf("hypopg is not installed in database %s, so the index was not tried (sqlheat never installs extensions)", s.Info.Database)
		return nil
	}
	var hypo string
	if err := s.tx.QueryRow(ctx, "SELECT indexname FROM "+s.hypoNS+".hypopg_create_index($1)", create).Scan(&hypo); err != nil {
		if reason, ok := refused(err); ok {
			ev.Verdict, ev.Reason = Retracted, "PostgreSQL refuses the index: "+reason
			return nil
		}
		return err
	}
	after, err := s.plan(ctx, c.SQL)
	if err != nil {
		return err
	}
	scanAfter := after.scanOf(t)
	ev.IndexUsed = scanAfter != nil && slices.Contains(scanAfter.indexes(), hypo)
	ev.CostAfter = after.TotalCost
	if len(existing) > 0 && (!ev.IndexUsed || 1-ev.CostAfter/ev.CostBefore < s.th.MinSaving) {
		// What the database has serves as well: the planner may even
		// pick the suggested index, as a twin of the one it has.
		return s.retractExisting(ctx, t, scan, existing, ev)
	}
	if ev.IndexUsed {
		s.thresholds(t, ev)
		return nil
	}
	// Not chosen: would it be, were sequential scans not an option?
	var forced *Node
	err = s.within(ctx, func() error {
		if _, err := s.tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
			return err
		}
		forced, err = s.plan(ctx, c.SQL)
		return err
	})
	if err != nil {
		return err
	}
	if fs := forced.scanOf(t); fs != nil && slices.Contains(fs.indexes(), hypo) {
		ev.Verdict = Downgraded
		if t.rows >= 0 && t.rows < s.th.MinRows || ev.CostBefore < s.th.MinCost {
			ev.Reason = fmt.Sprintf("the planner keeps a %s: %s rows", strings.ToLower(scan.Type), approx(t.rows))
		} else {
			ev.Reason = fmt.Sprintf("the planner keeps a %s: the filter matches about %s of %s rows", strings.ToLower(scan.Type), approx(matched(fs)), approx(t.rows))
		}
		return nil
	}
	unusable(scan, ev)
	return nil
}

// unusable retracts a finding whose index the planner cannot use even
// when nothing else is left to it, with the filter that defeats it.
func unusable(scan *Node, ev *Evidence) {
	ev.Verdict = Retracted
	ev.Reason = "the planner cannot use the index for this statement, even with sequential scans off"
	if scan.Filter != "" {
		ev.Reason += " (Filter: " + scan.Filter + ")"
	}
}

// thresholds decides a candidate whose index the planner chose.
func (s *Session) thresholds(t *table, ev *Evidence) {
	saving := 1 - ev.CostAfter/ev.CostBefore
	switch {
	case ev.CostBefore < s.th.MinCost:
		ev.Verdict = Downgraded
		ev.Reason = fmt.Sprintf("the statement costs %s without the index, under %s: the index would save too little to matter", approx(ev.CostBefore), approx(s.th.MinCost))
	case t.rows >= 0 && t.rows < s.th.MinRows:
		ev.Verdict = Downgraded
		ev.Reason = fmt.Sprintf("%s has %s rows, under the floor of %s", t.name, approx(t.rows), approx(s.th.MinRows))
	case saving < s.th.MinSaving:
		ev.Verdict = Downgraded
		ev.Reason = fmt.Sprintf("the index cuts the cost only from %s to %s (%.0f%%, under %.0f%%)", approx(ev.CostBefore), approx(ev.CostAfter), 100*saving, 100*s.th.MinSaving)
	default:
		ev.Verdict = Confirmed
	}
}

// retractExisting retracts a finding whose table the database already
// reads through an index, naming it, and the drift when the migrations
// lack it.
func (s *Session) retractExisting(ctx context.Context, t *table, scan *Node, existing []string, ev *Evidence) error {
	ev.Verdict = Retracted
	ev.Reason = fmt.Sprintf("the database already reads %s through index %s (%s)", t.name, strings.Join(existing, ", "), scan.Type)
	drift, err := s.indexDrift(ctx, t, existing)
	if err != nil {
		return err
	}
	if drift != "" {
		ev.Drift = drift
		ev.Reason += ", which the migrations do not create"
	}
	return nil
}

// judgeScratch checks, on a scratch database, that the planner can use
// the index at all: the index is built for real (the tables are empty)
// and sequential scans are switched off, inside the candidate's
// savepoint. Costs over empty tables say nothing and are left out.
func (s *Session) judgeScratch(ctx context.Context, c Candidate, t *table, create string, scan *Node, ev *Evidence) error {
	if _, err := s.tx.Exec(ctx, create); err != nil {
		if reason, ok := refused(err); ok {
			ev.Verdict, ev.Reason = Retracted, "PostgreSQL refuses the index: "+reason
			return nil
		}
		return err
	}
	if _, err := s.tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		return err
	}
	after, err := s.plan(ctx, c.SQL)
	if err != nil {
		return err
	}
	name := strings.Fields(create)[2] // CREATE INDEX name ON ...
	if as := after.scanOf(t); as != nil && slices.Contains(as.indexes(), name) {
		ev.Verdict, ev.IndexUsed = Usable, true
		ev.Reason = "with sequential scans off, the planner uses the index on an empty database built from the migrations: it serves the filter (whether it pays depends on the data)"
		return nil
	}
	unusable(scan, ev)
	return nil
}

// matched is the number of rows an index scan node expects to find.
func matched(n *Node) float64 {
	var rows float64
	n.walk(func(m *Node) bool {
		if m.Index != "" {
			rows = max(rows, m.Rows)
		}
		return true
	})
	if rows == 0 {
		rows = n.Rows
	}
	return rows
}

// refused reports whether err is PostgreSQL refusing an index definition
// (rather than the session failing), with its message.
func refused(err error) (string, bool) {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return "", false
	}
	msg := strings.TrimPrefix(pgErr.Message, "hypopg: ")
	switch pgErr.Code[:2] {
	case "42", "0A", "22": // syntax or access rule, feature not supported, data exception
		return msg, true
	}
	return msg, msg != pgErr.Message
}

// plannable checks that sql is one statement PREPARE takes, and says why
// not otherwise. PostgreSQL would refuse anything else too; checking
// first keeps a text that is not a query from ever reaching it.
func plannable(sql string) string {
	stmts, err := sqlparse.Parse(sql)
	switch {
	case err != nil:
		return "the statement does not parse: " + err.Error()
	case len(stmts) != 1:
		return fmt.Sprintf("the text holds %d statements, not one", len(stmts))
	}
	switch stmts[0].Command {
	case "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE":
		return ""
	}
	return "only SELECT, INSERT, UPDATE, DELETE and MERGE statements can be planned, not " + stmts[0].Command
}

// reasonOf is the words for an error planning a candidate: the server's
// message for its own errors.
func (s *Session) reasonOf(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		msg := pgErr.Message
		if indeterminate(err) {
			msg += " (nor could the schema say)"
		}
		return s.secrets.scrub("PostgreSQL cannot plan the statement: " + msg)
	}
	return s.secrets.scrub(err.Error())
}

// alive reports whether the session can go on after an error.
func (s *Session) alive(ctx context.Context) bool {
	return ctx.Err() == nil && s.conn != nil && !s.conn.IsClosed()
}

// next returns a new name with the prefix, for prepared statements,
// savepoints and indexes.
func (s *Session) next(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s_%d", prefix, s.seq)
}

// within runs f inside a savepoint that is rolled back after, whether f
// succeeds or not: SET LOCAL, indexes and an aborted statement are
// undone.
func (s *Session) within(ctx context.Context, f func() error) error {
	sp := pgx.Identifier{s.next("sqlheat_sp")}.Sanitize()
	if _, err := s.tx.Exec(ctx, "SAVEPOINT "+sp); err != nil {
		return err
	}
	ferr := f()
	if _, err := s.tx.Exec(ctx, "ROLLBACK TO SAVEPOINT "+sp+"; RELEASE SAVEPOINT "+sp); err != nil {
		return errors.Join(ferr, err)
	}
	return ferr
}

// forget drops what a transaction's rollback leaves behind: hypopg's
// indexes, kept in the session's memory, and prepared statements, which
// are the session's too (plan deallocates its own, unless a failure
// came between).
func (s *Session) forget(ctx context.Context) error {
	q := "DEALLOCATE ALL"
	if s.hypoNS != "" {
		q += "; SELECT " + s.hypoNS + ".hypopg_reset()"
	}
	_, err := s.tx.Exec(ctx, q)
	return err
}
