package driver

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sqlheat/sqlheat/internal/baseline"
	"github.com/sqlheat/sqlheat/internal/gitdiff"
	"github.com/sqlheat/sqlheat/internal/rank"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/internal/traffic"
	"github.com/sqlheat/sqlheat/passes/config"
)

// narrow applies what pre-merge CI asks for: -write-baseline records the
// findings, -baseline hides the recorded ones, -new-from-rev keeps only
// findings on lines changed since a revision. It runs before routes are
// linked and findings ranked, so ranks and route indexes count only what
// is shown.
func narrow(rep *report.Report, o options, root string, stderr io.Writer) error {
	if o.writeBaseline != "" {
		if err := baseline.Write(o.writeBaseline, rep); err != nil {
			return fmt.Errorf("-write-baseline: %w", err)
		}
		fmt.Fprintf(stderr, "sqlheat: wrote %d findings to the baseline %s\n", len(rep.Findings), o.writeBaseline)
	}
	if o.baseline != "" {
		b, err := baseline.Read(o.baseline)
		if err != nil {
			return fmt.Errorf("-baseline: %w", err)
		}
		rep.Stats.BaselineHidden, rep.Stats.BaselineStale = baseline.Filter(rep, b)
	}
	if o.newFromRev != "" {
		changes, err := gitdiff.Since(root, o.newFromRev)
		if err != nil {
			return fmt.Errorf("-new-from-rev: %w", err)
		}
		keep := rep.Findings[:0]
		for _, f := range rep.Findings {
			if changes.Changed(filepath.Join(root, filepath.FromSlash(f.File)), f.Line) {
				keep = append(keep, f)
			} else {
				rep.Stats.OldHidden++
			}
		}
		rep.Findings = keep
	}
	return nil
}

// loadTraffic reads the traffic profile named by -traffic or the settings.
// A malformed profile is an error naming its file and line; warnings (an
// empty profile, skipped lines) go to stderr and the run goes on.
func loadTraffic(path, format string, stderr io.Writer) (*traffic.Profile, error) {
	if path == "" {
		return nil, nil
	}
	prof, err := traffic.Load(path, format, traffic.Options{})
	if err != nil {
		return nil, err
	}
	for _, w := range prof.Warnings {
		fmt.Fprintf(stderr, "sqlheat: %s: %s\n", path, w)
	}
	return prof, nil
}

// rankFindings scores and ranks the findings: by the routes' traffic when a
// profile is given, by measured database time for a pg_stat_statements
// export, or else for pg_stat_statements read from the live database
// (live), by severity and loop nesting otherwise.
func rankFindings(rep *report.Report, prof *traffic.Profile, live []traffic.Statement, stderr io.Writer) {
	var costs map[string]traffic.StatementCost
	if prof != nil {
		unmatched := rank.FillRates(rep, prof)
		if len(unmatched) > 0 {
			fmt.Fprintf(stderr, "sqlheat: %d routes of the traffic profile match no route found in the code (first: %s %s)\n",
				len(unmatched), unmatched[0].Method, unmatched[0].Pattern)
		}
		if prof.Format == traffic.FormatPGSS {
			costs, _ = dbCosts(rep, prof, "the pg_stat_statements export", stderr)
		}
		if prof.Empty() {
			prof = nil
		}
	}
	if costs == nil && len(live) > 0 {
		p := &traffic.Profile{Name: livePGSS, Format: traffic.FormatPGSS, Statements: live}
		var matched int
		costs, matched = dbCosts(rep, p, "pg_stat_statements of the live database", stderr)
		if matched > 0 && rep.Traffic == nil {
			rep.Traffic = &report.Traffic{File: livePGSS, Format: string(traffic.FormatPGSS)}
		}
	}
	rank.Score(rep, prof, costs)
}

// livePGSS names pg_stat_statements read from the live database where
// the report names a traffic profile's file.
const livePGSS = "pg_stat_statements (live)"

// dbCosts joins pg_stat_statements rows to the findings by fingerprint,
// saying on stderr what did not join; matched counts the findings that
// have a cost.
func dbCosts(rep *report.Report, p *traffic.Profile, what string, stderr io.Writer) (costs map[string]traffic.StatementCost, matched int) {
	costs, unparsed := p.ByFingerprint(sqlparse.Fingerprint)
	for _, f := range rep.Findings {
		if _, ok := costs[f.Fingerprint]; ok && f.Fingerprint != "" {
			matched++
		}
	}
	if unparsed > 0 {
		fmt.Fprintf(stderr, "sqlheat: %d statements of %s did not parse\n", unparsed, what)
	}
	if matched == 0 && len(rep.Findings) > 0 {
		fmt.Fprintf(stderr, "sqlheat: no finding's statement appears in %s; ranking without it\n", what)
	}
	return costs, matched
}

// moduleRoot is the directory of the go.mod governing dir ("" = cwd), or
// dir itself when there is none.
func moduleRoot(dir string) string {
	if dir == "" {
		dir, _ = os.Getwd()
	}
	dir, _ = filepath.Abs(dir)
	if root := config.FindUp(dir, "go.mod"); root != "" {
		return root
	}
	return dir
}

// repoPrefix is the module directory relative to the repository root, for
// SARIF and annotations, which GitHub resolves from the repository root.
func repoPrefix(root string) string {
	top, err := gitTop(root)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(top, root)
	if err != nil || rel == "." {
		return ""
	}
	return filepath.ToSlash(rel) + "/"
}

func gitTop(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", os.ErrNotExist
		}
	}
}
