package handlerquery_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/handlerquery"
)

func Test(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	results := analysistest.Run(t, dir, handlerquery.Analyzer, "shop", "shopgin", "shopfast", "shopfiber", "worker", "sqlcweb/...")
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results)
}
