package queryinloop

import (
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/dialect"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// The advice for shapes the analysistest packages do not reach: sqlc on
// MySQL and SQLite, generated callees with very long names, several
// queries whose first takes a list.
func TestAdvice(t *testing.T) {
	q := func(kind, cmd, table, key, lib, d string, params int) queries.Query {
		return queries.Query{Kind: kind, Name: "SetData", Shape: queries.Shape{Cmd: cmd, Table: table, Key: key, Lib: lib, Dialect: d, Params: params}}
	}
	long := "graphql2.(*executionContext).unmarshalNCreateEscalationPolicyStepInput2githubᚗcomᚋtargetᚋgoalert"
	tests := []struct {
		a    advice
		want string
	}{
		{advice{q: q("read", "SELECT", "books", "author_id", "sqlc", dialect.MySQL, 1), callee: "db.(*Queries).SetData", over: "authors"},
			"add a query like SetData that fetches the rows of all items in one query (WHERE author_id IN (sqlc.slice(author_ids))) and call it once before the loop"},
		{advice{q: q("write", "INSERT", "events", "", "sqlc", dialect.SQLite, 2), over: "events"},
			"add a query like SetData that inserts all rows in one statement (rows of VALUES, or the loop in one transaction with WithTx) and call it once"},
		{advice{q: q("write", "UPDATE", "data", "id", "sqlc", dialect.MySQL, 2), over: "rows"},
			"add a query like SetData that updates all rows in one statement (the loop in one transaction with WithTx) and call it once"},
		{advice{q: q("read", "SELECT", "channels", "id", "database/sql", dialect.Postgres, 1), callee: long, over: "vSlice"},
			"add a variant of (*executionContext).unmarshalNCreateEscalationPolicyStepInp… that fetches the rows of all items in one query (WHERE id = ANY($1) with the keys as one array, or a JOIN) and call it once before the loop"},
		{advice{q: queries.Query{Kind: "read", Shape: queries.Shape{Cmd: "SELECT", Table: "users", Key: "id", Many: true}}, callee: "store.Profiles", over: "teams", n: 3},
			"add a variant of store.Profiles that takes all the items and runs each of its 3 queries once for all of them (the first, SELECT from users, takes a list already), and call it once"},
		{advice{q: queries.Query{Kind: "read", SQL: "SELECT pg_try_advisory_xact_lock(?)"}, callee: "sync.Run", over: "projects", n: 8},
			"add a variant of sync.Run that takes all the items and runs each of its 8 queries once for all of them, and call it once"},
		{advice{q: queries.Query{Kind: "unknown"}, callee: "store.Apply", over: "ops"},
			"give store.Apply a variant that reads or writes all the items in one statement, and call that once"},
	}
	for _, tt := range tests {
		if got := tt.a.fix(); got != tt.want {
			t.Errorf("fix() =\n\t%s\nwant\n\t%s", got, tt.want)
		}
		if strings.Contains(tt.a.fix(), "ANY") && tt.a.q.Dialect != dialect.Postgres && tt.a.q.Dialect != "" {
			t.Errorf("= ANY advised to %s: %s", tt.a.q.Dialect, tt.a.fix())
		}
	}
}
