package keyed

import (
	"context"
	"database/sql"
)

// A memo of flags across a loop's items: the work runs once per key the
// items share.

type RetJob struct {
	ID      string
	Cluster string
}

func clusterCfg(ctx context.Context, db *sql.DB, cluster string) (string, error) {
	var cfg string
	err := db.QueryRowContext(ctx, `SELECT config FROM clusters WHERE name = $1`, cluster).Scan(&cfg)
	return cfg, err
}

// CopyClusterCfgs copies each cluster's configuration once, however
// many jobs run on it.
func CopyClusterCfgs(ctx context.Context, db *sql.DB, jobs []RetJob) {
	done := make(map[string]bool)
	for _, j := range jobs {
		if done[j.Cluster] {
			continue
		}
		_, _ = clusterCfg(ctx, db, j.Cluster) // silent: once per cluster
		done[j.Cluster] = true
	}
}

// SeenJobs is keyed by the item itself: every job is new.
func SeenJobs(ctx context.Context, db *sql.DB, ids []string) {
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		_, _ = clusterCfg(ctx, db, id) // want `^keyed.clusterCfg runs SELECT from clusters .* once per item of ids`
		seen[id] = true
	}
}

// SkipListed marks nothing: a key skipped is one the caller listed.
func SkipListed(ctx context.Context, db *sql.DB, jobs []RetJob, skip map[string]bool) {
	for _, j := range jobs {
		if skip[j.Cluster] {
			continue
		}
		_, _ = clusterCfg(ctx, db, j.Cluster) // want `^keyed.clusterCfg runs SELECT from clusters .* once per item of jobs`
	}
}

// DeleteOnce marks a cluster done only when its delete worked: the
// next job of a cluster whose delete failed tries again.
func DeleteOnce(ctx context.Context, db *sql.DB, jobs []RetJob) {
	done := map[string]bool{}
	for _, j := range jobs {
		if done[j.Cluster] {
			continue
		}
		if _, err := clusterCfg(ctx, db, j.Cluster); err != nil { // want `^keyed.clusterCfg runs SELECT from clusters .* once per item of jobs`
			continue
		} else {
			done[j.Cluster] = true
		}
	}
}
