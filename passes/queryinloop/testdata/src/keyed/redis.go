package keyed

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis as a read-through cache, as chirpstack-network-server's
// gateway meta cache: helpers GET and SET the key, and the miss queries
// in between.

var rdb *redis.Client

type Meta struct{ ID, Profile string }

func metaKey(id string) string { return "gw:meta:" + id }

func getMetaCache(ctx context.Context, id string) (Meta, error) {
	var m Meta
	val, err := rdb.Get(ctx, metaKey(id)).Bytes()
	if err != nil {
		return m, err
	}
	err = json.Unmarshal(val, &m)
	return m, err
}

func setMetaCache(ctx context.Context, m Meta, ttl time.Duration) error {
	b, _ := json.Marshal(m)
	return rdb.Set(ctx, metaKey(m.ID), b, ttl).Err()
}

func getMeta(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	var m Meta
	err := db.QueryRowContext(ctx, `SELECT id, profile FROM gateways WHERE id = $1`, id).Scan(&m.ID, &m.Profile)
	return m, err
}

// GetAndCacheMeta reads through Redis and keeps what it read for an
// hour.
func GetAndCacheMeta(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	m, err := getMetaCache(ctx, id)
	if err == nil {
		return m, nil
	}
	m, err = getMeta(ctx, db, id)
	if err != nil {
		return m, err
	}
	setMetaCache(ctx, m, time.Hour)
	return m, nil
}

// BriefMeta keeps what it read for ten seconds: cold again by the next
// request.
func BriefMeta(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	m, err := getMetaCache(ctx, id)
	if err == nil {
		return m, nil
	}
	m, err = getMeta(ctx, db, id)
	if err == nil {
		rdb.Set(ctx, metaKey(id), m.Profile, 10*time.Second)
	}
	return m, err
}

// PeekMeta reads Redis but never keeps what it queried.
func PeekMeta(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	if val, err := rdb.Get(ctx, metaKey(id)).Result(); err == nil {
		return Meta{ID: val}, nil
	}
	return getMeta(ctx, db, id)
}

// InlineMeta reads and keeps in place.
func InlineMeta(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	val, err := rdb.Get(ctx, metaKey(id)).Bytes()
	if err == nil {
		var m Meta
		json.Unmarshal(val, &m)
		return m, nil
	}
	m, err := getMeta(ctx, db, id)
	if err != nil {
		return m, err
	}
	b, _ := json.Marshal(m)
	rdb.Set(ctx, metaKey(id), b, 0)
	return m, nil
}

// DecodedMeta returns a hit once it decodes, and loads an entry that
// does not decode again; the entry is kept without expiry.
func DecodedMeta(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	val, err := rdb.Get(ctx, metaKey(id)).Result()
	if err == nil {
		var m Meta
		if err := json.Unmarshal([]byte(val), &m); err == nil {
			return m, nil
		}
	}
	m, err := getMeta(ctx, db, id)
	if err != nil {
		return m, err
	}
	b, _ := json.Marshal(m)
	rdb.Set(ctx, metaKey(id), b, 0)
	return m, nil
}

// getJSON decodes a Redis entry into what it is handed.
func getJSON(ctx context.Context, key string, v any) error {
	b, err := rdb.Get(ctx, key).Bytes()
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func setJSON(ctx context.Context, key string, v any) error {
	b, _ := json.Marshal(v)
	return rdb.Set(ctx, key, b, 0).Err()
}

// HelperMeta reads through Redis with the package's helpers, the entry
// decoded into what it hands them.
func HelperMeta(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	var m Meta
	err := getJSON(ctx, metaKey(id), &m)
	if err == nil {
		return m, nil
	}
	m, err = getMeta(ctx, db, id)
	if err != nil {
		return m, err
	}
	_ = setJSON(ctx, metaKey(id), m)
	return m, nil
}

// HelperPeek decodes what Redis holds but keeps nothing it read.
func HelperPeek(ctx context.Context, db *sql.DB, id string) (Meta, error) {
	var m Meta
	if err := getJSON(ctx, metaKey(id), &m); err == nil {
		return m, nil
	}
	return getMeta(ctx, db, id)
}

func Metas(ctx context.Context, db *sql.DB, ids []string) {
	for _, id := range ids {
		GetAndCacheMeta(ctx, db, id) // silent: Redis keeps each gateway's meta
		InlineMeta(ctx, db, id)      // silent: likewise, spelled in place
		DecodedMeta(ctx, db, id)     // silent: a hit returns once it decodes
		HelperMeta(ctx, db, id)      // silent: through the package's helpers
		HelperPeek(ctx, db, id)      // want `keyed.HelperPeek runs .* once per item of ids`
		BriefMeta(ctx, db, id)       // want `keyed.BriefMeta runs .* once per item of ids`
		PeekMeta(ctx, db, id)        // want `keyed.PeekMeta runs .* once per item of ids`
	}
}
