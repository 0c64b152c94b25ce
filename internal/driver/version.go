package driver

import "runtime/debug"

// Version, when set at link time (-ldflags "-X
// github.com/sqlheat/sqlheat/internal/driver.Version=v1.2.3"), is the
// tool's version; otherwise toolVersion reads it from the build.
var Version string

// toolVersion is what sqlheat says its version is: in -V, -V=full (go
// vet's question, whose answer is also the cache key of vet's results),
// -version, and the tool.version of the JSON and SARIF reports.
func toolVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(Version, info)
}

// versionOf is the version of a build: the one set at link time; else the
// main module's version the go command stamped — the tag with go install
// ...@v1.2.3, or, building in a git checkout (Go 1.24 and later), a
// pseudo-version naming the commit, +dirty with uncommitted changes; else
// the VCS revision, with -dirty; else "devel". It never holds a space:
// go vet reads the third word of -V=full's answer.
func versionOf(linked string, info *debug.BuildInfo) string {
	if linked != "" {
		return linked
	}
	if info == nil {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel-" + rev[:min(len(rev), 12)] + dirty
}
