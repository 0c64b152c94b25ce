package livedb

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sqlheat/sqlheat/internal/schema"
)

// Options configure a Session. The zero value is usable.
type Options struct {
	Thresholds Thresholds
	// StatementTimeout bounds each statement sqlheat sends (planning
	// included); 5s when zero. Locks are waited for 1s at most, and the
	// server ends the session if sqlheat stalls for a minute inside its
	// transaction.
	StatementTimeout time.Duration
	// Catalog is the schema sqlheat read from the migrations, to tell
	// which of the database's indexes the migrations lack (catalog
	// drift); nil skips drift.
	Catalog *schema.Catalog
}

// Thresholds decide between confirmed and downgraded, as Dexter's do.
type Thresholds struct {
	MinCost   float64 // the statement's planner cost below which no index is worth it; 100 when zero
	MinSaving float64 // the fraction of the cost the index must save; 0.5 when zero
	MinRows   float64 // the table's rows below which a sequential scan is fine; 1000 when zero
}

// DefaultThresholds are Dexter's cost thresholds and a floor of a
// thousand rows, which a sequential scan reads in well under a
// millisecond.
var DefaultThresholds = Thresholds{MinCost: 100, MinSaving: 0.5, MinRows: 1000}

func (t Thresholds) withDefaults() Thresholds {
	if t.MinCost == 0 {
		t.MinCost = DefaultThresholds.MinCost
	}
	if t.MinSaving == 0 {
		t.MinSaving = DefaultThresholds.MinSaving
	}
	if t.MinRows == 0 {
		t.MinRows = DefaultThresholds.MinRows
	}
	return t
}

// Info describes the database a Session talks to, for the report.
type Info struct {
	Host     string // the host, "host:port", or "unix socket in DIR"
	Database string
	Version  string // server_version, "15.18 (Debian 15.18-0+deb12u1)"
	// HypoPG and PGSS say whether the extensions are installed in the
	// database (sqlheat never installs them), with their versions.
	HypoPG, PGSS string
	Scratch      bool // a temporary database built from the migrations
}

// Session is one read-only transaction on a database. It is not safe for
// concurrent use.
type Session struct {
	Info Info

	conn      *pgx.Conn
	tx        pgx.Tx
	opts      Options
	th        Thresholds
	secrets   scrubber
	versionNo int    // server_version_num
	hypoNS    string // the schema holding hypopg's functions, quoted
	pgssNS    string // the schema holding pg_stat_statements, quoted
	seq       int    // numbers prepared statements and savepoints
	scratch   *scratchDB
	types     map[string][]string  // parameter types of statements PostgreSQL could not type alone
	dbIndexes map[uint32][]dbIndex // by table OID, read once for drift
	// Warnings are the migration statements a scratch database did not
	// take.
	Warnings []schema.Warning
}

// minVersion is the oldest server with plan_cache_mode.
const minVersion = 120000

// Open connects to the database of dsn and begins the read-only
// transaction every question is asked in. A refused connection is one
// error naming the host and the database, never the password.
func Open(ctx context.Context, dsn string, opts Options) (*Session, error) {
	cfg, sec, err := parse(dsn)
	if err != nil {
		return nil, err
	}
	return open(ctx, cfg, sec, opts, false)
}

// parse reads a DSN, and the secrets to scrub from what its use says.
func parse(dsn string) (*pgx.ConnConfig, scrubber, error) {
	sec := scrubber(secrets(dsn))
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, nil, &redactedError{msg: "cannot parse the DSN " + Redact(dsn) + ": " + sec.scrub(parseMessage(err)), err: err}
	}
	return cfg, append(sec, cfg.Password), nil
}

// open connects with cfg and begins the session's transaction, read-only
// unless writable (a scratch database, where indexes are built for real).
func open(ctx context.Context, cfg *pgx.ConnConfig, sec scrubber, opts Options, writable bool) (*Session, error) {
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "sqlheat"
	}
	// One unnamed statement per query, nothing cached: PgBouncer in
	// transaction mode serves that, and sqlheat sends few queries.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	s := &Session{
		opts:    opts,
		th:      opts.Thresholds.withDefaults(),
		secrets: sec,
		Info:    Info{Host: hostOf(cfg.Config), Database: cmp.Or(cfg.Database, cfg.User)},
		types:   map[string][]string{},
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, connectError(s.Info, sec, err)
	}
	s.conn = conn
	if err := s.begin(ctx, writable); err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// parseMessage is the reason pgx gives for a DSN it cannot parse,
// without the DSN it quotes.
func parseMessage(err error) string {
	msg := err.Error()
	if _, rest, ok := strings.Cut(msg, "`: "); ok {
		return rest
	}
	return msg
}

// hostOf names the server a configuration reaches, for messages.
func hostOf(cfg pgconn.Config) string {
	if strings.HasPrefix(cfg.Host, "/") {
		return "unix socket in " + cfg.Host
	}
	return net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
}

// connectError is the one error a failed connection gives: the host and
// database, and the reason as the server or the network said it.
func connectError(info Info, sec scrubber, err error) error {
	reason := err.Error()
	var pgErr *pgconn.PgError
	var netErr *net.OpError
	switch {
	case errors.As(err, &pgErr):
		reason = pgErr.Message
	case errors.As(err, &netErr):
		reason = netErr.Err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		reason = "timed out"
	}
	msg := fmt.Sprintf("cannot connect to database %q on %s: %s", info.Database, info.Host, reason)
	return &redactedError{msg: sec.scrub(msg), err: err}
}

// begin starts the transaction, reads the server's version and
// extensions, and checks that the server is new enough.
func (s *Session) begin(ctx context.Context, writable bool) error {
	mode := pgx.ReadOnly
	if writable {
		mode = pgx.ReadWrite
	}
	tx, err := s.conn.BeginTx(ctx, pgx.TxOptions{AccessMode: mode})
	if err != nil {
		return s.wrap("begin", err)
	}
	s.tx = tx
	timeout := s.opts.StatementTimeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	// SET LOCAL, not startup parameters: poolers refuse those they do
	// not know, and LOCAL ends with the transaction.
	set := fmt.Sprintf("SET LOCAL statement_timeout = %d; SET LOCAL lock_timeout = '1s'; "+
		"SET LOCAL idle_in_transaction_session_timeout = '60s'; SET LOCAL plan_cache_mode = force_generic_plan",
		timeout.Milliseconds())
	if _, err := tx.Exec(ctx, set); err != nil {
		return s.wrap("configure the session", err)
	}
	err = tx.QueryRow(ctx, "SELECT current_setting('server_version_num')::int, current_setting('server_version'), current_database()").
		Scan(&s.versionNo, &s.Info.Version, &s.Info.Database)
	if err != nil {
		return s.wrap("read the server version", err)
	}
	if s.versionNo < minVersion {
		return fmt.Errorf("database %q on %s runs PostgreSQL %s: sqlheat needs 12 or later for generic plans",
			s.Info.Database, s.Info.Host, s.Info.Version)
	}
	rows, err := tx.Query(ctx, "SELECT extname, extversion, extnamespace::regnamespace::text FROM pg_extension WHERE extname IN ('hypopg', 'pg_stat_statements')")
	if err != nil {
		return s.wrap("list extensions", err)
	}
	for rows.Next() {
		var name, version, ns string
		if err := rows.Scan(&name, &version, &ns); err != nil {
			return s.wrap("list extensions", err)
		}
		switch name {
		case "hypopg":
			s.Info.HypoPG, s.hypoNS = version, ns
		case "pg_stat_statements":
			s.Info.PGSS, s.pgssNS = version, ns
		}
	}
	if err := rows.Err(); err != nil {
		return s.wrap("list extensions", err)
	}
	return nil
}

// wrap makes an error of the session's: what was being done, the
// server's message, no secrets.
func (s *Session) wrap(doing string, err error) error {
	return failure(s.Info, s.secrets, doing, err)
}

// failure is an error of the database at info: what was being done, the
// server's message (or the driver's), no secrets.
func failure(info Info, sec scrubber, doing string, err error) error {
	reason := err.Error()
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		reason = pgErr.Message
	}
	msg := fmt.Sprintf("database %q on %s: %s: %s", info.Database, info.Host, doing, reason)
	return &redactedError{msg: sec.scrub(msg), err: err}
}

// Close ends the transaction (rolling back: nothing was written) and the
// connection, and in scratch mode drops the temporary database. It is
// safe to call more than once, and after ctx was canceled.
func (s *Session) Close(ctx context.Context) error {
	ctx = context.WithoutCancel(ctx)
	if s.conn != nil {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		if s.tx != nil {
			s.tx.Rollback(cctx)
		}
		s.conn.Close(cctx)
		cancel()
		s.conn, s.tx = nil, nil
	}
	if s.scratch != nil {
		return s.scratch.drop(ctx)
	}
	return nil
}
