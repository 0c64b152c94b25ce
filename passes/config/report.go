package config

import (
	"fmt"
	"go/token"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// Category is the category of the diagnostics the settings pass reports.
const Category = "settings"

// reportProblems reports the mistakes in c as diagnostics of the package,
// at their line of the settings file. Under go vet, which has no other
// channel, that is what fails the package with the message (and c, whose
// checks are all off, keeps the checks from reporting on settings the
// user did not mean): one diagnostic per mistake, in every package the
// settings govern. An error returned from the pass would fail every
// check that requires it too, and go vet would print one of those
// failures at random.
//
// It also reports, in the package a declared function names, that the
// package does not define it: under go vet's one package per process,
// that package is the one place where "no package defines it" is known.
// (The standalone driver, which sees every package, warns in the other
// cases too; see internal/driver.)
func reportProblems(pass *analysis.Pass, c *Config) {
	for _, e := range Problems(c.Err) {
		reportError(pass, e)
	}
	if c.Err != nil || pass.Pkg == nil {
		return
	}
	for _, f := range c.Functions {
		if slices.Contains(f.PackagePaths(), pass.Pkg.Path()) && !f.DefinedIn(pass.Pkg) {
			reportError(pass, &Error{File: c.File, Line: f.Line,
				Msg: fmt.Sprintf("functions: %s: package %s defines no such function", f.Name, pass.Pkg.Path())})
		}
	}
}

// reportError reports e at its line, or, when it has none, at the package
// with the file named in the message.
func reportError(pass *analysis.Pass, e *Error) {
	pos, msg := settingsPos(pass, e.File, e.Line), e.Msg
	if !pos.IsValid() || pass.Fset.File(pos).Name() != e.File {
		msg = e.Error()
	}
	pass.Report(analysis.Diagnostic{Pos: pos, Category: Category, Message: msg})
}

// settingsPos is the position of line of the settings file in the pass's
// file set (which holds Go files only until a diagnostic needs another),
// or, when there is no such line, the package clause of the package's
// first file: the place go vet reports package-wide problems at.
func settingsPos(pass *analysis.Pass, file string, line int) token.Pos {
	if file != "" && line > 0 {
		if data, err := os.ReadFile(file); err == nil {
			tf := pass.Fset.AddFile(file, -1, len(data))
			tf.SetLinesForContent(data)
			if line <= tf.LineCount() {
				return tf.LineStart(line)
			}
		}
	}
	for _, f := range pass.Files {
		return f.Package
	}
	return token.NoPos
}
