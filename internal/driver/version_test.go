package driver

import (
	"runtime/debug"
	"testing"
)

// The version comes from the link, else the module version the go
// command stamped, else the VCS revision; never with a space, which would
// break go vet's reading of -V=full.
func TestVersionOf(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tc := range []struct {
		linked string
		info   *debug.BuildInfo
		want   string
	}{
		{"v9.9.9", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v9.9.9"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"}, // go install ...@v1.2.3
		{"", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261203114343-27b173215d71+dirty"}, Settings: vcs("27b173215d71ab0f048e67aa8faded938d79850f", "true")},
			"v0.0.0-20261203114343-27b173215d71+dirty"}, // go build in a checkout
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("27b173215d71ab0f048e67aa8faded938d79850f", "true")}, "devel-27b173215d71-dirty"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("27b173215d71ab0f048e67aa8faded938d79850f", "false")}, "devel-27b173215d71"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"}, // go run, -buildvcs=false
		{"", nil, "devel"},
	} {
		if got := versionOf(tc.linked, tc.info); got != tc.want {
			t.Errorf("versionOf(%q, %+v) = %q, want %q", tc.linked, tc.info, got, tc.want)
		}
	}
}
