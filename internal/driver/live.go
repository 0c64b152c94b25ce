package driver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/livedb"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/schema"
	"github.com/sqlheat/sqlheat/internal/traffic"
	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
)

// liveSettings gathers, over the packages of a run, what asking a live
// database needs: the DSN and thresholds of the settings, and the schema
// the migrations give (the largest catalog a package saw: every package
// sees the same migrations, plus the DDL of the packages it imports).
type liveSettings struct {
	dsn, file  string // from the first settings file naming one
	thresholds config.Live
	catalog    *schema.Catalog
	root       string // module root, against which the catalog's relative files are
}

func (l *liveSettings) addConfig(c *config.Config) {
	if c == nil {
		return
	}
	if l.dsn == "" {
		l.dsn = c.DSN
	}
	if l.file == "" && c.File != "" {
		l.file, l.thresholds = c.File, c.Live
	}
}

func (l *liveSettings) addCatalog(r *catalog.Result, root string) {
	if r != nil && r.Catalog != nil && (l.catalog == nil || r.Catalog.Len() > l.catalog.Len()) {
		l.catalog, l.root = r.Catalog, root
	}
}

// dsn is the database to ask: -dsn, else $SQLHEAT_DSN, else the settings'.
func (l *liveSettings) dsnFor(o options) string {
	switch {
	case o.dsn != "":
		return o.dsn
	case os.Getenv("SQLHEAT_DSN") != "":
		return os.Getenv("SQLHEAT_DSN")
	}
	return l.dsn
}

// thresholdsOf checks the settings' thresholds and converts them.
func (l *liveSettings) thresholdsOf() (livedb.Thresholds, error) {
	t := l.thresholds
	if t.MinCost < 0 || t.MinRows < 0 || t.MinSaving < 0 || t.MinSaving > 1 {
		return livedb.Thresholds{}, fmt.Errorf("%s: live: min_cost and min_rows must not be negative, min_saving must be a fraction between 0 and 1", l.file)
	}
	return livedb.Thresholds{MinCost: t.MinCost, MinSaving: t.MinSaving, MinRows: t.MinRows}, nil
}

// liveEvidence asks the database of the DSN (with -scratch, a temporary
// database built from the migrations on its server) about each
// missingindex finding, and records the answers in rep: every finding
// gets its Evidence, a downgraded one becomes low severity, a retracted
// one moves to rep.Live.Retracted; drift goes to rep.Live. It returns
// pg_stat_statements read live, for the ranking. An interrupt while it
// runs ends it, and a scratch database is dropped all the same.
func liveEvidence(rep *report.Report, o options, l *liveSettings, rel func(string) string, stderr io.Writer) ([]traffic.Statement, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stmts, err := askDatabase(ctx, rep, o, l, rel, stderr)
	if ctx.Err() != nil {
		err = errors.New("interrupted") // and the scratch database dropped, or an error said why not
	}
	return stmts, err
}

// askDatabase is liveEvidence until ctx is canceled.
func askDatabase(ctx context.Context, rep *report.Report, o options, l *liveSettings, rel func(string) string, stderr io.Writer) ([]traffic.Statement, error) {
	dsn := l.dsnFor(o)
	if dsn == "" {
		return nil, nil
	}
	sess, err := openSession(ctx, rep, o, l, dsn, rel)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err := sess.Close(ctx); err != nil {
			fmt.Fprintf(stderr, "sqlheat: %v\n", err)
		}
	}()
	info := sess.Info
	rep.Live = &report.Live{Database: info.Database, Host: info.Host, Version: info.Version, Scratch: info.Scratch, HypoPG: info.HypoPG, PGSS: info.PGSS}
	if info.HypoPG == "" && !info.Scratch {
		fmt.Fprintf(stderr, "sqlheat: database %s has no hypopg extension: suggested indexes are not tried (CREATE EXTENSION hypopg, as its owner, to have them tried)\n", info.Database)
	}
	if err := recordEvidence(ctx, sess, rep); err != nil {
		return nil, err
	}
	drift, err := sess.Drift(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range drift {
		if d.File != "" {
			d.File = rel(d.File)
		}
		rep.Live.Drift = append(rep.Live.Drift, d.String())
	}
	stmts, err := sess.StatStatements(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "sqlheat: %v; ranking without it\n", err)
	}
	return stmts, nil
}

// openSession opens the session of the DSN: on the database it names, or
// with -scratch on a temporary one built from the migrations (whose
// warnings join the report's errors).
func openSession(ctx context.Context, rep *report.Report, o options, l *liveSettings, dsn string, rel func(string) string) (*livedb.Session, error) {
	th, err := l.thresholdsOf()
	if err != nil {
		return nil, err
	}
	opts := livedb.Options{Thresholds: th, Catalog: l.catalog}
	if !o.scratch {
		return livedb.Open(ctx, dsn, opts)
	}
	files := l.files()
	if len(files) == 0 {
		return nil, fmt.Errorf("-scratch: no migrations to build the database from (sqlheat found none: name them with -schema)")
	}
	stmts, err := schema.Script(files)
	if err != nil {
		return nil, fmt.Errorf("-scratch: %w", err)
	}
	sess, err := livedb.OpenScratch(ctx, dsn, stmts, opts)
	if err != nil {
		return nil, err
	}
	for _, w := range sess.Warnings {
		rep.Errors = append(rep.Errors, report.Problem{File: rel(w.File), Line: w.Line, Message: w.Message})
	}
	return sess, nil
}

// recordEvidence asks the session about each missingindex finding, one
// question per distinct statement and index (a query reported at two
// places is planned once), and records the answers: every finding gets
// its Evidence, a downgraded one becomes low severity, a retracted one
// moves to rep.Live.Retracted.
func recordEvidence(ctx context.Context, sess *livedb.Session, rep *report.Report) error {
	var cands []livedb.Candidate
	at := map[livedb.Candidate]int{}
	for _, f := range rep.Findings {
		if c, ok := candidate(f); ok {
			if _, seen := at[c]; !seen {
				at[c] = len(cands)
				cands = append(cands, c)
			}
		}
	}
	evs, err := sess.Evidence(ctx, cands)
	if err != nil {
		return err
	}
	keep := rep.Findings[:0]
	for _, f := range rep.Findings {
		c, ok := candidate(f)
		if !ok {
			keep = append(keep, f)
			continue
		}
		ev := evs[at[c]]
		f.Evidence = &report.Evidence{
			Verdict: string(ev.Verdict), Summary: ev.String(), PlanNode: ev.PlanNode,
			TableRows: int64(math.Round(ev.TableRows)), TableBytes: ev.TableBytes,
			CostBefore: ev.CostBefore, CostAfter: ev.CostAfter, IndexUsed: ev.IndexUsed, Drift: ev.Drift,
		}
		switch ev.Verdict {
		case livedb.Retracted:
			rep.Live.Retracted = append(rep.Live.Retracted, f)
			continue
		case livedb.Downgraded:
			f.Severity = finding.Low.String()
		}
		keep = append(keep, f)
	}
	rep.Findings = keep
	return nil
}

// candidate is the question a finding puts to the database: whether its
// suggested index serves its statement.
func candidate(f report.Finding) (livedb.Candidate, bool) {
	if f.Check != "missingindex" || f.SQL == "" || !strings.HasPrefix(f.Suggestion, "CREATE INDEX") {
		return livedb.Candidate{}, false
	}
	return livedb.Candidate{SQL: f.SQL, Index: f.Suggestion}, true
}

// files are the schema files the catalog was built from, absolute: the
// program's own DDL is recorded relative to the module root.
func (l *liveSettings) files() []string {
	if l.catalog == nil {
		return nil
	}
	out := make([]string, len(l.catalog.Files))
	for i, f := range l.catalog.Files {
		if !filepath.IsAbs(f) {
			f = filepath.Join(l.root, f)
		}
		out[i] = f
	}
	return out
}
