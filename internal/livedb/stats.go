package livedb

import (
	"context"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/internal/traffic"
)

// Size is how big the database estimates a table to be.
type Size struct {
	Rows  float64 // reltuples, summed over partitions; -1 when never analyzed
	Bytes int64   // pg_total_relation_size: heap, indexes and TOAST
}

// Sizes returns the size of each named table the database has (resolved
// as the statement's search path would), keyed as given; tables it does
// not have are left out.
func (s *Session) Sizes(ctx context.Context, tables []sqlparse.QualName) (map[sqlparse.QualName]Size, error) {
	out := make(map[sqlparse.QualName]Size, len(tables))
	err := s.within(ctx, func() error {
		for _, q := range tables {
			if _, ok := out[q]; ok {
				continue
			}
			t, err := s.table(ctx, q)
			if err != nil {
				return err
			}
			if t != nil {
				out[q] = Size{Rows: t.rows, Bytes: t.bytes}
			}
		}
		return nil
	})
	if err != nil {
		return nil, s.wrap("read table sizes", err)
	}
	return out, nil
}

// StatStatements reads pg_stat_statements, live, for the session's
// database: the same rows an exported file gives, so that
// traffic.Profile.ByFingerprint joins them to the code by pg_query
// fingerprint and database time ranks the findings as a file's would.
// It returns nil when the extension is not installed. Texts the role may
// not read (another user's, without pg_read_all_stats) are left out.
func (s *Session) StatStatements(ctx context.Context) ([]traffic.Statement, error) {
	if s.pgssNS == "" {
		return nil, nil
	}
	total := "total_exec_time"
	if s.versionNo < 130000 {
		total = "total_time"
	}
	var out []traffic.Statement
	err := s.within(ctx, func() error {
		rows, err := s.tx.Query(ctx, `SELECT query, calls, `+total+` FROM `+s.pgssNS+`.pg_stat_statements
			WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query IS NOT NULL
			ORDER BY queryid, userid`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var st traffic.Statement
			if err := rows.Scan(&st.Query, &st.Calls, &st.TotalTime); err != nil {
				return err
			}
			if strings.HasPrefix(st.Query, "<insufficient privilege>") {
				continue
			}
			st.Line = len(out) + 1 // the row, for ByFingerprint's warning
			out = append(out, st)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, s.wrap("read pg_stat_statements", err)
	}
	return out, nil
}
