package driver

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/codekind"
)

// A package that does not compile is lost to the analysis, and so is
// every package that imports it: the checker needs the facts of a
// package's imports. go/packages reports the first as errors of the
// package — the same mistake several times over: once from the type
// checker, once more in the compiler's output when the go command built
// export data, once per test variant that shares the file, and each
// syntax error as several of the parser's — and says nothing of the
// second, which the checker would then fail with "failed prerequisites"
// for every pass. What the user needs is the mistake, once: one line per
// root cause, and the count of what it cost.
//
// One error of the go command's is no mistake in the code: a //go:embed
// directive whose files are not there. A service that embeds its web
// front end (`//go:embed dist`) has it built by npm, not checked in, and
// on a fresh checkout `go build` stops at the directive. The package's Go
// files are whole and type-check all the same (the embed.FS holds
// nothing), so it is analyzed, and so are the packages importing it — on
// such a service, the server and every handler. The error is shown as a
// warning, with its place.

// loadError is one root cause of a package that cannot be analyzed:
// file, line and column when the error has them (file absolute).
type loadError struct {
	file      string
	line, col int
	msg       string
}

// maxErrors is how many errors of one package are shown, as the
// compiler shows ten; the rest are counted.
const maxErrors = 10

// lost finds the packages that cannot be analyzed, and for each the
// package it is lost to — itself when it has errors of its own, else the
// first (by path) of its imports that is lost — and the root causes of
// the packages that have errors. dir is the directory the go command ran
// in, which the compiler's relative positions are relative to.
// The errors of //go:embed directives, which lose no package, are
// returned apart, once each (embeds).
func lost(pkgs []*packages.Package, dir string) (lostTo map[*packages.Package]*packages.Package, failed map[*packages.Package][]loadError, embeds []loadError) {
	lostTo = map[*packages.Package]*packages.Package{}
	failed = map[*packages.Package][]loadError{}
	seen := map[loadError]bool{}
	// Imports before importers, so that each package knows whether its
	// imports are lost.
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		var lostImport *packages.Package
		for _, path := range sortedKeys(p.Imports) {
			if c := lostTo[p.Imports[path]]; c != nil {
				lostImport = c
				break
			}
		}
		errs, embed := rootErrors(p, dir, lostImport != nil)
		for _, e := range embed {
			if !seen[e] { // a package and its test variant share the file
				seen[e] = true
				embeds = append(embeds, e)
			}
		}
		switch {
		case len(errs) > 0:
			lostTo[p], failed[p] = p, errs
		case lostImport != nil:
			lostTo[p] = lostImport
		case len(embed) > 0 || p.IllTyped:
			// Ill-typed by its embeds' errors, or an import's: the
			// checker and the program graph would skip it.
			p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool {
				return e.Kind == packages.ListError && atEmbed(newLoadError(e.Pos, e.Msg, dir))
			})
			p.IllTyped = false
		}
	})
	return lostTo, failed, embeds
}

// rootErrors are p's errors that are root causes. A syntax error makes
// the type checker's errors consequences, and go/parser reports one
// mistake several times at one place: the first per file is kept, as
// the compiler keeps it. A type error that an import could not be
// imported is the import's error, when the import is lost (importLost).
// The go command's copy of the compiler's output ("# pkg" then the
// errors) repeats what the type checker said; it is kept only when the
// type checker said nothing, one error per line. The go command's errors
// at a //go:embed directive are returned apart (embed): they lose no
// package.
func rootErrors(p *packages.Package, dir string, importLost bool) (errs, embed []loadError) {
	var syntax, typ []loadError
	var list []listError
	seenFile := map[string]bool{}
	for _, e := range p.Errors {
		le := newLoadError(e.Pos, e.Msg, dir)
		switch e.Kind {
		case packages.ParseError:
			if !seenFile[le.file] {
				seenFile[le.file] = true
				syntax = append(syntax, le)
			}
		case packages.TypeError:
			if !(importLost && strings.HasPrefix(e.Msg, "could not import ")) {
				typ = append(typ, le)
			}
		default:
			if e.Kind == packages.ListError && atEmbed(le) {
				embed = append(embed, le)
				continue
			}
			list = append(list, compilerOutput(e.Pos, e.Msg, dir)...)
		}
	}
	errs = syntax
	if len(errs) == 0 {
		errs = typ
	}
	for _, le := range list {
		if len(errs) > 0 && le.compiled {
			continue // the compiler's copy of what the type checker said
		}
		errs = append(errs, le.loadError)
	}
	if len(errs) > maxErrors {
		more := len(errs) - maxErrors
		errs = append(errs[:maxErrors], loadError{msg: fmt.Sprintf("%d more %s", more, pluralNoun(more, "error"))})
	}
	return errs, embed
}

// atEmbed reports whether e is placed on a //go:embed directive: the go
// command's error that the files it names are missing or cannot be
// embedded ("pattern dist: no matching files found").
func atEmbed(e loadError) bool {
	if e.file == "" || e.line < 1 {
		return false
	}
	src, err := os.ReadFile(e.file)
	if err != nil {
		return false
	}
	for n, line := range bytes.Split(src, []byte("\n")) {
		if n+1 == e.line {
			return bytes.HasPrefix(bytes.TrimSpace(line), []byte("//go:embed"))
		}
	}
	return false
}

// listError is a go command error, compiled when it is a line of the
// compiler's output.
type listError struct {
	loadError
	compiled bool
}

// compilerOutput splits a go command error that carries the compiler's
// output ("# pkg" and one error a line) into its errors; any other is
// returned as it is.
func compilerOutput(pos, msg, dir string) []listError {
	header, rest, ok := strings.Cut(msg, "\n")
	if !ok || !strings.HasPrefix(header, "# ") {
		return []listError{{newLoadError(pos, msg, dir), false}}
	}
	var out []listError
	for line := range strings.SplitSeq(rest, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		pos, msg := line, ""
		// "file:line:col: msg": the position ends at the third colon
		// after which a space follows.
		if i := strings.Index(line, ": "); i >= 0 {
			pos, msg = line[:i], line[i+2:]
		}
		if _, _, ok := splitPos(pos); !ok {
			pos, msg = "", line // a note without a position
		}
		out = append(out, listError{newLoadError(pos, msg, dir), true})
	}
	return out
}

// newLoadError splits pos ("file:line:col", "file:line" or "") and makes
// a relative file absolute against dir.
func newLoadError(pos, msg, dir string) loadError {
	le := loadError{msg: oneLine(msg)}
	rest, last, ok := cutLast(pos)
	if !ok {
		return le
	}
	le.file, le.line = rest, last // file:line
	if file, line, ok := cutLast(rest); ok {
		le.file, le.line, le.col = file, line, last // file:line:col
	}
	if !filepath.IsAbs(le.file) {
		le.file = filepath.Join(dir, le.file)
	}
	return le
}

// describePackage names a package for people: a test variant as the
// tests of its package.
func describePackage(p *packages.Package) string {
	if strings.Contains(p.ID, " [") && !strings.HasSuffix(p.PkgPath, "_test") {
		return "the tests of " + p.PkgPath
	}
	return p.PkgPath
}

// isTestVariant reports whether p is a package compiled for tests: the
// package with its _test.go files, its external test package, or a test
// main.
func isTestVariant(p *packages.Package) bool { return codekind.TestPackage(p.ID, p.PkgPath) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// plural counts: "1 edit", "2 files".
func plural(n int, noun string) string { return fmt.Sprintf("%d %s", n, pluralNoun(n, noun)) }

func pluralNoun(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
