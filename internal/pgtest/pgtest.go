// Package pgtest starts a throwaway PostgreSQL server for the tests of one
// test binary, so that sqlheat's live-database evidence is tested against
// the planner itself rather than against canned plans.
//
// One server per test binary: initdb and start-up cost about two seconds,
// a database copied from a template costs milliseconds. A test binary
// that uses the package calls Main from its TestMain; each test then asks
// for a database of its own:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
//	func TestX(t *testing.T) {
//		srv := pgtest.Start(t)
//		dsn := srv.NewDB(t, srv.Template(t, "shop", loadShop))
//		...
//	}
//
// The server listens on a unix socket inside its temporary directory and
// on no TCP port, so parallel test binaries (go test ./... runs several)
// never collide, and nothing outside the machine can reach it. Tests here
// and in CI run as root, which initdb refuses: the server then runs as the
// "postgres" system user that Debian's packages create.
//
// Without PostgreSQL, Start skips the test, unless SQLHEAT_INTEGRATION is
// set (as .ci/run sets it): then a missing server is a failure, so that CI
// cannot pass by testing nothing.
package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sqlheat/sqlheat/internal/schema"
)

// PasswordGroup is a role of the server whose members log in with a
// password (scram-sha-256); every other role is trusted. Tests of
// password handling create a member with a password of their own.
const PasswordGroup = "password_auth"

// Server is a running PostgreSQL server.
type Server struct {
	Version int  // server_version_num, e.g. 150018
	HypoPG  bool // the hypopg extension exists in every new database
	PGSS    bool // pg_stat_statements is preloaded and exists in every new database

	dir    string // temporary directory: data/, the socket, the log
	cmd    *exec.Cmd
	exited chan struct{}

	mu        sync.Mutex
	templates map[string]*template
	seq       atomic.Int64
}

type template struct {
	once sync.Once
	err  error
}

var (
	mainRunning bool
	once        sync.Once
	shared      *Server
	sharedErr   error
)

// Main runs the tests of the binary and stops the server if a test
// started one. Call it from TestMain.
func Main(m *testing.M) int {
	mainRunning = true
	code := m.Run()
	if shared != nil {
		shared.stop()
	}
	return code
}

// Start returns the test binary's server, starting it on first use. It
// skips the test when PostgreSQL is not installed (fails, under
// SQLHEAT_INTEGRATION) and fails it when the server does not start.
func Start(t testing.TB) *Server {
	t.Helper()
	if !mainRunning {
		t.Fatal("pgtest: the test binary's TestMain must call pgtest.Main, which stops the server")
	}
	once.Do(func() { shared, sharedErr = start() })
	if sharedErr != nil {
		var missing *missingError
		if errors.As(sharedErr, &missing) && os.Getenv("SQLHEAT_INTEGRATION") == "" {
			t.Skipf("pgtest: %v (set SQLHEAT_INTEGRATION to make this a failure)", sharedErr)
		}
		t.Fatalf("pgtest: %v", sharedErr)
	}
	return shared
}

// missingError says that PostgreSQL is not installed, as opposed to
// installed and failing.
type missingError struct{ msg string }

func (e *missingError) Error() string { return e.msg }

// BinDir finds the directory of PostgreSQL's server programs: $PG_BINDIR,
// else the newest /usr/lib/postgresql/N/bin (Debian and Ubuntu keep them
// off the PATH), else the directory of initdb on the PATH.
func BinDir() (string, error) {
	if dir := os.Getenv("PG_BINDIR"); dir != "" {
		return dir, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return vb - va
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "postgres")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", &missingError{"PostgreSQL server programs not found (install postgresql-15, or set PG_BINDIR)"}
}

func start() (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	cred, err := serverUser()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "sqlheat-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, templates: map[string]*template{}}
	if err := s.init(bin, cred); err != nil {
		s.stop()
		return nil, err
	}
	if err := s.setup(); err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

// serverUser is the account the server runs as: nil for the current
// one, the "postgres" system user when we are root.
func serverUser() (*credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, &missingError{"running as root, and there is no postgres user to run the server as"}
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &credential{uid: uid, gid: gid}, nil
}

// init runs initdb and starts the server.
func (s *Server) init(bin string, cred *credential) error {
	if cred != nil {
		if err := os.Chown(s.dir, cred.uid, cred.gid); err != nil {
			return err
		}
	}
	data := filepath.Join(s.dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync")
	initdb.SysProcAttr = sysProcAttr(cred)
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v\n%s", err, out)
	}
	// Members of PasswordGroup must give their password; the rest are
	// trusted, as the socket is only reachable from this machine.
	hba := fmt.Sprintf("local all +%s scram-sha-256\nlocal all all trust\n", PasswordGroup)
	if err := os.WriteFile(filepath.Join(data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		return err
	}
	if cred != nil {
		if err := os.Chown(filepath.Join(data, "pg_hba.conf"), cred.uid, cred.gid); err != nil {
			return err
		}
	}
	args := []string{"-D", data, "-k", s.dir,
		"-c", "listen_addresses=",
		// A test server holds nothing worth a disk flush.
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=60",
		// Statistics come from the tests' own ANALYZE, and a template
		// database must have no visitor when it is copied.
		"-c", "autovacuum=off",
	}
	if lib := pkgLibDir(bin); lib != "" {
		if _, err := os.Stat(filepath.Join(lib, "pg_stat_statements.so")); err == nil {
			args = append(args, "-c", "shared_preload_libraries=pg_stat_statements")
		}
	}
	logf, err := os.Create(filepath.Join(s.dir, "server.log"))
	if err != nil {
		return err
	}
	defer logf.Close()
	s.cmd = exec.Command(filepath.Join(bin, "postgres"), args...)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	s.cmd.SysProcAttr = sysProcAttr(cred)
	if err := s.cmd.Start(); err != nil {
		return err
	}
	s.exited = make(chan struct{})
	go func() {
		s.cmd.Wait()
		close(s.exited)
	}()
	return s.waitReady()
}

// pkgLibDir is where the server's extension libraries are, from
// pg_config, or "" when it cannot say.
func pkgLibDir(bin string) string {
	out, err := exec.Command(filepath.Join(bin, "pg_config"), "--pkglibdir").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// waitReady waits until the server accepts connections, or gives the
// server's log when it exits or takes too long.
func (s *Server) waitReady() error {
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		conn, err := pgx.Connect(ctx, s.DSN("postgres"))
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
		select {
		case <-s.exited:
			return fmt.Errorf("postgres exited during start-up:\n%s", s.log())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections within a minute (%v):\n%s", err, s.log())
		}
	}
}

func (s *Server) log() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
	return string(bytes.TrimSpace(b))
}

// setup reads the version and puts the extensions in template1, which
// every database created afterwards copies.
func (s *Server) setup() error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, s.DSN("template1"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&s.Version); err != nil {
		return err
	}
	rows, err := conn.Query(ctx, "SELECT name FROM pg_available_extensions WHERE name IN ('hypopg', 'pg_stat_statements')")
	if err != nil {
		return err
	}
	available, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	var preloaded string
	if err := conn.QueryRow(ctx, "SELECT current_setting('shared_preload_libraries')").Scan(&preloaded); err != nil {
		return err
	}
	s.HypoPG = slices.Contains(available, "hypopg")
	s.PGSS = slices.Contains(available, "pg_stat_statements") && strings.Contains(preloaded, "pg_stat_statements")
	stmts := []string{"CREATE ROLE " + PasswordGroup + " NOLOGIN"}
	if s.HypoPG {
		stmts = append(stmts, "CREATE EXTENSION hypopg")
	}
	if s.PGSS {
		stmts = append(stmts, "CREATE EXTENSION pg_stat_statements")
	}
	for _, q := range stmts {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// stop shuts the server down (fast mode: sessions are cut) and removes
// its directory.
func (s *Server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(sigFastShutdown)
		select {
		case <-s.exited:
		case <-time.After(20 * time.Second):
			s.cmd.Process.Kill()
			<-s.exited
		}
	}
	os.RemoveAll(s.dir)
}

// SocketDir is the directory of the server's unix socket: the host of
// its connection strings.
func (s *Server) SocketDir() string { return s.dir }

// DSN is the connection string of database db, as the superuser
// "postgres", in URL form.
func (s *Server) DSN(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&sslmode=disable", db, s.dir)
}

// Template returns the name of a database built once per test binary by
// setup, for NewDB to copy. setup gets the database's DSN, and must close
// its connections before returning: PostgreSQL copies only a database
// nobody is connected to.
func (s *Server) Template(t testing.TB, name string, setup func(dsn string) error) string {
	t.Helper()
	s.mu.Lock()
	tp := s.templates[name]
	if tp == nil {
		tp = new(template)
		s.templates[name] = tp
	}
	s.mu.Unlock()
	tp.once.Do(func() {
		if tp.err = s.admin(fmt.Sprintf("CREATE DATABASE %s", pgx.Identifier{name}.Sanitize())); tp.err != nil {
			return
		}
		if err := setup(s.DSN(name)); err != nil {
			tp.err = fmt.Errorf("building template database %s: %w", name, err)
		}
	})
	if tp.err != nil {
		t.Fatalf("pgtest: %v", tp.err)
	}
	return name
}

// NewDB creates a database for the test, a copy of the template (""
// for an empty one), dropped when the test ends, and returns its DSN.
func (s *Server) NewDB(t testing.TB, template string) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%s", s.seq.Add(1), dbName(t.Name()))
	q := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		q += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	if err := s.admin(q); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if err := s.admin("DROP DATABASE " + pgx.Identifier{name}.Sanitize() + " WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return s.DSN(name)
}

// dbName makes a test name into part of a database name: lower-case
// letters, digits and underscores, short enough for PostgreSQL's 63
// bytes.
func dbName(test string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(test) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() == 40 {
			break
		}
	}
	return b.String()
}

// admin runs one statement on the "postgres" database, outside any
// transaction (CREATE and DROP DATABASE need that).
func (s *Server) admin(q string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.DSN("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, q); err != nil {
		return fmt.Errorf("%s: %w", q, err)
	}
	return nil
}

// Exec runs sql, which may hold several statements, on the database of
// dsn, and fails the test on error.
func Exec(t testing.TB, dsn, sql string) {
	t.Helper()
	if err := ExecErr(dsn, sql); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
}

// ExecErr runs sql, which may hold several statements, on the database
// of dsn (for Template's setup functions, which have no test to fail).
func ExecErr(dsn, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql) // no arguments: the simple protocol, which takes several statements
	return err
}

// PasswordRole creates a role that logs in with password (a member of
// PasswordGroup) and may read the tables of the database of dsn and
// create databases; it is dropped when the test ends. It returns the
// role's name.
func (s *Server) PasswordRole(t testing.TB, dsn, password string) string {
	t.Helper()
	role := fmt.Sprintf("pw_%d", s.seq.Add(1))
	Exec(t, dsn, fmt.Sprintf("CREATE ROLE %s LOGIN CREATEDB PASSWORD %s IN ROLE %s; GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s",
		role, quoteLiteral(password), PasswordGroup, role))
	t.Cleanup(func() {
		Exec(t, dsn, "DROP OWNED BY "+role) // its grants, which would keep it alive
		Exec(t, s.DSN("postgres"), "DROP ROLE "+role)
	})
	return role
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// Loaded returns the DSN of a new database for the test holding the
// schema of migrations (a directory, its up migrations applied in
// sqlheat's order) and the rows of seed, a SQL file. The database is
// built once per test binary, as the template called name, and copied.
func (s *Server) Loaded(t testing.TB, name, migrations, seed string) string {
	t.Helper()
	files, err := schema.Files([]string{migrations})
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	tpl := s.Template(t, name, func(dsn string) error {
		return ExecFiles(dsn, append(files, seed)...)
	})
	return s.NewDB(t, tpl)
}

// ExecFiles runs each file's SQL on the database of dsn, in order.
func ExecFiles(dsn string, files ...string) error {
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := ExecErr(dsn, string(data)); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}
