package driver

import (
	"fmt"
	"go/version"
	"runtime"

	"golang.org/x/tools/go/packages"
)

// newerGo explains, in one line, a module that needs a newer Go than the
// one sqlheat was built with: its packages cannot be type-checked by this
// binary, and peers fail there with panics about missing types.
func newerGo(pkgs []*packages.Package) string {
	built := runtime.Version()
	if !version.IsValid(built) {
		return "" // a devel toolchain: assume it is new enough
	}
	for _, p := range pkgs {
		if p.Module == nil || p.Module.GoVersion == "" {
			continue
		}
		want := "go" + p.Module.GoVersion
		if version.IsValid(want) && version.Compare(want, built) > 0 {
			return fmt.Sprintf("module %s needs %s but sqlheat was built with %s: rebuild it with that Go, e.g. GOTOOLCHAIN=%s go install github.com/sqlheat/sqlheat/cmd/sqlheat@latest",
				p.Module.Path, want, built, want)
		}
	}
	return ""
}
