package livedb

import (
	"context"
	"strings"

	"github.com/sqlheat/sqlheat/internal/traffic"
)

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
