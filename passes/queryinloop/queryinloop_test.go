package queryinloop_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

func Test(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	pkgs := []string{"store", "service", "api", "direct", "ormloops", "shapes", "sqlcloop/...", "inline", "bunloops", "lite", "my", "pgxloop", "prepared", "bulk", "builderloops", "goquloops", "boilerloops/...", "gopgloops", "genloops/...", "jetloops", "upperloops", "gorploops", "keyed", "xormloops", "xormforkloops", "poploops", "gormv1loops", "entloops", "seeding", "capped/...", "inrow/...", "harness/...", "gdbloops"}
	results := analysistest.Run(t, dir, queryinloop.Analyzer, pkgs...)
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results, pkgs...)
}
