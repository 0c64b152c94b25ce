package routes

import "testing"

// A handler's package is the application's when it is of the
// repository being analyzed: agola.io/agola's api packages are,
// gqlgen's handler package is not.
func TestSameRepo(t *testing.T) {
	for _, c := range []struct {
		p, q string
		want bool
	}{
		{"agola.io/agola/internal/services/configstore/api", "agola.io/agola/internal/services/configstore", true},
		{"github.com/agola-io/agola/api", "github.com/agola-io/agola/cmd", true},
		{"github.com/99designs/gqlgen/graphql/handler", "github.com/example/app/graph", false},
		{"github.com/99designs/gqlgen/graphql/handler", "example.com/gqlgen/graph", false},
		{"go.uber.org/zap", "go.uber.org/fx", false},
		{"gitlab.com/group/repo/pkg", "gitlab.com/group/other", false},
		{"ctorlib", "ctoruser", true}, // no domain: a GOPATH-style tree, one application
		{"github.com/owner", "github.com/owner/repo", false},
	} {
		if got := sameRepo(c.p, c.q); got != c.want {
			t.Errorf("sameRepo(%q, %q) = %v, want %v", c.p, c.q, got, c.want)
		}
	}
}
