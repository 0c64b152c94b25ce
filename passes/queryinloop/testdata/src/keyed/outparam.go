package keyed

import (
	"context"
	"database/sql"
	"time"
)

// A cache service's client that decodes an entry into what it is
// handed, as blnk's: `err := l.cache.Get(ctx, key, &monitors)`, the miss
// querying and keeping what it read under the same key.

type Cache interface {
	Get(ctx context.Context, key string, dst any) error
	Set(ctx context.Context, key string, v any, ttl time.Duration) error
}

type Monitor struct{ ID, BalanceID string }

type Ledger struct {
	db    *sql.DB
	cache Cache
}

func (l *Ledger) monitors(ctx context.Context, balanceID string) ([]Monitor, error) {
	var ms []Monitor
	rows, err := l.db.QueryContext(ctx, `SELECT id, balance_id FROM balance_monitors WHERE balance_id = $1`, balanceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m Monitor
		if err := rows.Scan(&m.ID, &m.BalanceID); err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}

// monitorsCached reads through the cache for five minutes.
func (l *Ledger) monitorsCached(ctx context.Context, balanceID string) ([]Monitor, error) {
	key := "monitors:" + balanceID
	var ms []Monitor
	err := l.cache.Get(ctx, key, &ms)
	if err == nil && ms != nil {
		return ms, nil
	}
	ms, err = l.monitors(ctx, balanceID)
	if err != nil {
		return nil, err
	}
	_ = l.cache.Set(ctx, key, ms, 5*time.Minute)
	return ms, nil
}

// monitorsPeeked looks in the cache but keeps nothing it read.
func (l *Ledger) monitorsPeeked(ctx context.Context, balanceID string) ([]Monitor, error) {
	var ms []Monitor
	if err := l.cache.Get(ctx, "monitors:"+balanceID, &ms); err == nil {
		return ms, nil
	}
	return l.monitors(ctx, balanceID)
}

// monitorsBrief keeps what it read for five seconds.
func (l *Ledger) monitorsBrief(ctx context.Context, balanceID string) ([]Monitor, error) {
	var ms []Monitor
	if err := l.cache.Get(ctx, balanceID, &ms); err == nil {
		return ms, nil
	}
	ms, err := l.monitors(ctx, balanceID)
	if err != nil {
		return nil, err
	}
	_ = l.cache.Set(ctx, balanceID, ms, 5*time.Second)
	return ms, nil
}

func (l *Ledger) CheckAll(ctx context.Context, balanceIDs []string) {
	for _, id := range balanceIDs {
		_, _ = l.monitorsCached(ctx, id) // silent: read through a cache the ledger keeps
		_, _ = l.monitorsPeeked(ctx, id) // want `^keyed.\(\*Ledger\).monitorsPeeked runs SELECT .* once per item of balanceIDs`
		_, _ = l.monitorsBrief(ctx, id)  // want `^keyed.\(\*Ledger\).monitorsBrief runs SELECT .* once per item of balanceIDs`
	}
}
