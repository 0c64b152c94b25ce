package traffic

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// rates renders a profile's routes as "KEY=rate" lines, rates rounded to
// 4 decimals, so expectations read like the profile.
func rates(p *Profile) string {
	var lines []string
	for _, r := range p.Routes {
		lines = append(lines, fmt.Sprintf("%s=%g", r.Key(), math.Round(r.Rate*1e4)/1e4))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func mustLoad(t *testing.T, path, format string, opt Options) *Profile {
	t.Helper()
	p, err := Load(path, format, opt)
	if err != nil {
		t.Fatalf("Load(%s, %q): %v", path, format, err)
	}
	return p
}

func checkRates(t *testing.T, p *Profile, want ...string) {
	t.Helper()
	sort.Strings(want)
	if got := rates(p); got != strings.Join(want, "\n") {
		t.Errorf("%s routes:\n%s\nwant:\n%s", p.Name, got, strings.Join(want, "\n"))
	}
}

func checkWarnings(t *testing.T, p *Profile, want ...string) {
	t.Helper()
	if strings.Join(p.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s warnings:\n%s\nwant:\n%s", p.Name, strings.Join(p.Warnings, "\n"), strings.Join(want, "\n"))
	}
}
