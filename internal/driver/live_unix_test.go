//go:build unix

package driver

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sqlheat/sqlheat/internal/pgtest"
	"github.com/sqlheat/sqlheat/internal/testenv"
)

// TestLiveScratchInterrupted: an interrupt (SIGINT to the process) while
// the scratch database is being built ends the run, and the database is
// dropped all the same.
func TestLiveScratchInterrupted(t *testing.T) {
	srv := pgtest.Start(t)
	dir := t.TempDir()
	testenv.CopyTree(t, dir, plantedDir)
	// A migration that takes its time, so the interrupt comes mid-way.
	if err := os.WriteFile(filepath.Join(dir, "migrations", "0002_slow.up.sql"), []byte("SELECT pg_sleep(60);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(t.Context(), srv.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(t.Context())
	scratch := func() (n int) {
		conn.QueryRow(t.Context(), `SELECT count(*) FROM pg_database WHERE datname LIKE 'sqlheat\_scratch\_%'`).Scan(&n)
		return n
	}
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result)
	go func() {
		code, stdout, stderr := runText(t, "-C", dir, "-dsn", srv.DSN("postgres"), "-scratch", "./...")
		done <- result{code, stdout, stderr}
	}()
	// The database exists only while the driver listens for the signal,
	// so sending it then cannot kill the test.
	for deadline := time.Now().Add(2 * time.Minute); scratch() == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no scratch database appeared")
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		if r.code != ExitUsage || r.stderr != "sqlheat: interrupted\n" || r.stdout != "" {
			t.Errorf("interrupted run: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the run did not end on the interrupt")
	}
	if n := scratch(); n != 0 {
		t.Errorf("%d scratch databases left after the interrupt", n)
	}
}
