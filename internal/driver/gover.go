package driver

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/version"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/tools/go/packages"
)

// Code newer than the tool: go/types refuses a package whose language
// version (its module's go line) is newer than its own, and peers that
// do not check for it fail with SSA panics or "package without types".
// sqlheat says so in one line naming both versions and the fix, under
// both runners.

// tooNew reports whether code for Go version want ("go1.27.3", as a go
// line or go vet's configuration gives it) is in a language newer than
// the Go that built sqlheat. A development toolchain is assumed new
// enough.
func tooNew(want string) bool {
	built := runtime.Version()
	if !version.IsValid(built) || !version.IsValid(want) {
		return false
	}
	return version.Compare(version.Lang(want), version.Lang(built)) > 0
}

// newerGoMessage is the one line that says so: what (a module) needs
// want.
func newerGoMessage(what, want string) string {
	return fmt.Sprintf("%s needs %s but sqlheat was built with %s: rebuild it with that Go, e.g. GOTOOLCHAIN=%s go install github.com/sqlheat/sqlheat/cmd/sqlheat@latest",
		what, want, runtime.Version(), want)
}

// newerGo explains a module of the loaded packages that needs a newer Go
// than the one sqlheat was built with, "" when there is none.
func newerGo(pkgs []*packages.Package) string {
	for _, p := range pkgs {
		if p.Module == nil || p.Module.GoVersion == "" {
			continue
		}
		if want := "go" + p.Module.GoVersion; tooNew(want) {
			return newerGoMessage("module "+p.Module.Path, want)
		}
	}
	return ""
}

// vetUnit is what sqlheat reads of go vet's configuration of one package
// before handing it to unitchecker.
type vetUnit struct {
	ImportPath string
	ModulePath string                 // go vet before Go 1.27
	Module     *struct{ Path string } // since Go 1.27
	GoVersion  string
	VetxOnly   bool   // run for the facts of a dependency; nothing is printed
	VetxOutput string // where the facts go: $WORK/bNNN/vet.out
}

// newerGoUnderVet handles a package go vet hands over (cfgFile, its
// configuration) that is too new for sqlheat, and says whether it did,
// with the exit code.
//
// go vet runs the toolchain the module asks for, so every package of the
// standard library, then every package of the module, is too new: left
// to unitchecker, each standard package fails ("sqlheat: exit status
// 1", a line each) and each of the module's cannot import them. Instead,
// dependencies (VetxOnly) succeed without facts, writing nothing, so
// that go vet caches nothing for them; the packages the user named
// print the line, once per go vet run: the first one to claim a marker
// in go vet's work directory (the parent of each package's directory,
// deleted when go vet ends) prints it and fails, the others succeed
// without output or cache entry, so that a later go vet of any of them
// says it again.
func newerGoUnderVet(cfgFile string, stderr io.Writer) (code int, handled bool) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return 0, false // unitchecker will say
	}
	var u vetUnit
	if json.Unmarshal(data, &u) != nil || !tooNew(u.GoVersion) {
		return 0, false
	}
	if u.VetxOnly {
		return 0, true
	}
	if u.VetxOutput != "" {
		marker := filepath.Join(filepath.Dir(filepath.Dir(u.VetxOutput)), "sqlheat-newer-go")
		f, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return 0, true // said by another package of this run
		}
		if err == nil {
			f.Close()
		}
	}
	what := "package " + u.ImportPath
	if u.Module != nil && u.Module.Path != "" {
		what = "module " + u.Module.Path
	} else if u.ModulePath != "" {
		what = "module " + u.ModulePath
	}
	fmt.Fprintf(stderr, "sqlheat: %s\n", newerGoMessage(what, u.GoVersion))
	return 1, true
}
