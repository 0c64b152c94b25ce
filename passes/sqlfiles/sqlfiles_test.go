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
// it, and its message names the .sql place. A -- sqlheat:ignore in the
// .sql file still silences the finding there.
func TestGolangciPositions(t *testing.T) {
	t.Parallel()
	dir := testenv.Tree(t, analysistest.TestData())
	host := config.Host{Settings: &config.Settings{}, SettingsBase: dir, GoPositions: true}
	analysistest.Run(t, dir, config.Suite(host, selectstar.Analyzer)[0], "gcl/...")
}
