package sqlfiles_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// Under golangci-lint (settings embedded by the plugin), which drops
// issues outside .go files, a finding about a .sql block goes to the Go
// constant generated from it, or to the package clause when no Go runs
// it, and its message names the .sql place.
//
// config.Embed is process-wide: this test binary holds no other test.
func TestGolangciPositions(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	config.Embed(config.Settings{}, dir)
	analysistest.Run(t, dir, selectstar.Analyzer, "gcl/...")
}
