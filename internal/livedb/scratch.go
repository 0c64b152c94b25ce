package livedb

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sqlheat/sqlheat/internal/schema"
)

// scratchDB is the temporary database of a scratch session.
type scratchDB struct {
	server  *pgx.ConnConfig // where it was created from, and is dropped from
	name    string
	version int
	info    Info
	secrets scrubber
	once    sync.Once
	err     error
}

// OpenScratch creates a temporary database on the server of dsn (the
// role needs CREATEDB), applies the migrations to it, one statement at a
// time in their order (stmts, as schema.Script gives them), and opens a
// Session on it in scratch mode: for CI, where there is no production
// data, it checks that the planner can use each suggested index at all
// (Usable), not that it pays. Statements the server refuses are
// Session.Warnings, as the catalog warns of those it cannot read.
//
// Session.Close drops the database. So does OpenScratch itself when it
// fails, ctx canceled (an interrupt) included.
func OpenScratch(ctx context.Context, dsn string, stmts []schema.Statement, opts Options) (*Session, error) {
	cfg, sec, err := parse(dsn)
	if err != nil {
		return nil, err
	}
	info := Info{Host: hostOf(cfg.Config), Database: cmp.Or(cfg.Database, cfg.User)}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, connectError(info, sec, err)
	}
	db := &scratchDB{server: cfg, name: scratchName(), info: info, secrets: sec}
	err = conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&db.version)
	if err == nil {
		_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{db.name}.Sanitize())
	}
	conn.Close(context.WithoutCancel(ctx))
	if err != nil {
		return nil, db.wrap("create a scratch database", err)
	}
	fail := func(err error) (*Session, error) {
		db.drop(ctx)
		return nil, err
	}
	dbcfg := cfg.Copy()
	dbcfg.Database = db.name
	warnings, err := db.apply(ctx, dbcfg, stmts)
	if err != nil {
		return fail(err)
	}
	s, err := open(ctx, dbcfg, sec, opts, true)
	if err != nil {
		return fail(err)
	}
	s.scratch, s.Info.Scratch, s.Warnings = db, true, warnings
	return s, nil
}

// scratchName is a new database name no other run can have.
func scratchName() string {
	b := make([]byte, 6)
	rand.Read(b)
	return "sqlheat_scratch_" + hex.EncodeToString(b)
}

// apply runs the migration statements on the scratch database, each in a
// transaction of its own (CREATE INDEX CONCURRENTLY may not run in one).
func (db *scratchDB) apply(ctx context.Context, cfg *pgx.ConnConfig, stmts []schema.Statement) ([]schema.Warning, error) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, connectError(db.info, db.secrets, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var warnings []schema.Warning
	for _, st := range stmts {
		// The simple protocol: migrations are the user's own, trusted
		// text, and may hold what the extended protocol refuses.
		_, err := conn.Exec(ctx, st.SQL)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			reason := err.Error()
			var pgErr *pgconn.PgError
			if errors.As(err, &pgErr) {
				reason = pgErr.Message
			}
			warnings = append(warnings, schema.Warning{File: st.File, Line: st.Line, Message: "scratch database: statement failed: " + db.secrets.scrub(reason)})
		}
	}
	return warnings, nil
}

// drop drops the scratch database, once, even when ctx was canceled:
// dropping is what an interrupt must still do.
func (db *scratchDB) drop(ctx context.Context) error {
	db.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		conn, err := pgx.ConnectConfig(ctx, db.server)
		if err != nil {
			db.err = connectError(db.info, db.secrets, err)
			return
		}
		defer conn.Close(ctx)
		name := pgx.Identifier{db.name}.Sanitize()
		if db.version >= 130000 {
			_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		} else {
			// Before 13, sessions still connected must be ended first.
			_, err = conn.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", db.name)
			if err == nil {
				_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name)
			}
		}
		if err != nil {
			db.err = db.wrap("drop scratch database "+db.name, err)
		}
	})
	return db.err
}

func (db *scratchDB) wrap(doing string, err error) error {
	return failure(db.info, db.secrets, doing, err)
}
