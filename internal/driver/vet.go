package driver

import (
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/passes/config"
)

// VetMode reports whether the go command is running us as a vet tool: it
// asks for -V=full and -flags to describe the tool, then passes one .cfg
// file per package.
func VetMode(args []string) bool {
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if strings.HasSuffix(last, ".cfg") {
		return true
	}
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return false
}

// Vet runs the suite as go vet's unitchecker: one package per process,
// facts written to and read from files the go command manages.
func Vet() {
	// The config pass is listed so that its flags are accepted as
	// -sqlheat.schema=...; it reports nothing.
	all := append([]*analysis.Analyzer{config.Analyzer}, analyzer.Analyzers()...)
	unitchecker.Main(all...)
}
