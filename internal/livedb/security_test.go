package livedb

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sqlheat/sqlheat/internal/pgtest"
	"github.com/sqlheat/sqlheat/internal/schema"
)

// TestConnectRefused: a server that is not there is one error naming the
// host and the database, and nothing of the password.
func TestConnectRefused(t *testing.T) {
	const password = "Refused-Secret-42"
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	tests := []struct{ dsn, want string }{
		{"postgres://app:" + password + "@127.0.0.1:1/shop?sslmode=disable&connect_timeout=5",
			`cannot connect to database "shop" on 127.0.0.1:1: connect: connection refused`},
		{"host=/nonexistent/socket/dir port=5432 user=app password=" + password + " dbname=orders sslmode=disable",
			`cannot connect to database "orders" on unix socket in /nonexistent/socket/dir: `},
		{"postgres://app:" + password + "@db:notaport/shop", "cannot parse the DSN postgres://xxxxx@db:notaport/shop: invalid port"},
	}
	for _, tt := range tests {
		_, err := Open(ctx, tt.dsn, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Open(%s) = %v\nwant an error starting %q", Redact(tt.dsn), err, tt.want)
			continue
		}
		t.Log(err)
		if strings.Contains(err.Error(), password) || strings.Contains(fmt.Sprintf("%+v", err), password) {
			t.Errorf("the error shows the password: %v", err)
		}
		_, err = OpenScratch(ctx, tt.dsn, nil, Options{})
		if err == nil || strings.Contains(err.Error(), password) {
			t.Errorf("OpenScratch(%s) = %v: want an error without the password", Redact(tt.dsn), err)
		}
	}
}

// TestPasswordNeverShown runs every path that produces text — a refused
// password, a session's evidence of every verdict, its drift, scratch
// warnings and verdicts — with a password in the DSN, and greps all of
// it for the password.
func TestPasswordNeverShown(t *testing.T) {
	srv, dsn, cat := plantedDB(t)
	needHypoPG(t, srv)
	const password = "Never-Shown-7f3a"
	role := srv.PasswordRole(t, dsn, password)
	u, _ := url.Parse(dsn)
	withPassword := func(pw string) string {
		v := *u
		v.User = url.UserPassword(role, pw)
		return v.String()
	}
	var texts []string
	ctx := context.Background()

	_, err := Open(ctx, withPassword(password+"-wrong"), Options{})
	if err == nil || !strings.Contains(err.Error(), "password authentication failed") {
		t.Errorf("wrong password: %v", err)
	}
	texts = append(texts, fmt.Sprint(err))

	s, err := Open(ctx, withPassword(password), Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	texts = append(texts, fmt.Sprintf("%+v", s.Info))
	evs, err := s.Evidence(ctx, []Candidate{
		{"SELECT id FROM warehouses WHERE city = $1", "CREATE INDEX ON warehouses (city)"},
		{"SELECT id, carrier FROM shipments WHERE order_ref = $1", "CREATE INDEX ON shipments (order_ref)"},
		{"SELECT id FROM events WHERE kind = '" + password + "' AND nope = $1", "CREATE INDEX ON events (nope)"},
		{"SELECT id FROM events WHERE at::date = $1", "CREATE INDEX ON events ((at::date))"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		texts = append(texts, ev.String(), ev.Drift)
	}
	drift, err := s.Drift(ctx)
	texts = append(texts, fmt.Sprint(drift, err))

	sc, err := OpenScratch(ctx, withPassword(password), []schema.Statement{{File: "m.sql", Line: 1, SQL: `CREATE TABLE t (id int REFERENCES "` + password + `" (id))`}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range sc.Warnings {
		texts = append(texts, w.String())
	}
	if err := sc.Close(ctx); err != nil {
		t.Error(err)
	}
	for _, text := range texts {
		if strings.Contains(text, password) {
			t.Errorf("the password appears in %q", text)
		}
	}
	if len(sc.Warnings) != 1 || !strings.Contains(sc.Warnings[0].Message, `relation "xxxxx" does not exist`) {
		t.Errorf("scratch warnings %q: want the refused statement, password masked", sc.Warnings)
	}
}

// TestInterruptDropsScratch: a run interrupted while the scratch database
// is being built still drops it.
func TestInterruptDropsScratch(t *testing.T) {
	srv := pgtest.Start(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(time.Second, cancel)
	_, err := OpenScratch(ctx, srv.DSN("postgres"), []schema.Statement{{File: "slow.sql", Line: 1, SQL: "SELECT pg_sleep(60)"}}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("interrupted OpenScratch: %v, want context.Canceled", err)
	}
	if left := scratchDatabases(t, srv); len(left) > 0 {
		t.Errorf("scratch databases left behind: %q", left)
	}
}
