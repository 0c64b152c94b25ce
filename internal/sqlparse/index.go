package sqlparse

import (
	"errors"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// IndexInTx reads text, which must be one CREATE INDEX statement, and
// returns it as one that can run inside a transaction and be found by
// name in a plan: CONCURRENTLY and IF NOT EXISTS dropped, named name.
// sqlheat suggests CREATE INDEX CONCURRENTLY, the form to run on a live
// table; to try the index in a transaction that is rolled back (or
// hypothetically, with hypopg) it needs this form.
func IndexInTx(text, name string) (*CreateIndex, string, error) {
	tree, err := pg.Parse(text)
	if err != nil {
		return nil, "", err
	}
	if len(tree.Stmts) != 1 {
		return nil, "", errors.New("not one statement")
	}
	x := tree.Stmts[0].Stmt.GetIndexStmt()
	if x == nil || x.Relation == nil {
		return nil, "", errors.New("not a CREATE INDEX statement")
	}
	ci := createIndex(Span{}, 0, x)
	x.Concurrent, x.IfNotExists, x.Idxname = false, false, name
	tree.Stmts[0].StmtLocation, tree.Stmts[0].StmtLen = 0, 0
	out, err := pg.Deparse(tree)
	if err != nil {
		return nil, "", err
	}
	return ci, strings.TrimSuffix(out, ";"), nil
}
