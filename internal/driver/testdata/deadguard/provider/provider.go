// Package provider declares interfaces some of whose methods every
// implementation in the module answers with a constant.
package provider

// Provider's Params is nil in its only implementation: a guard on it
// having some never holds.
type Provider interface {
	Name() string
	Params() []string
}

// Docker takes no parameters.
type Docker struct{}

func (Docker) Name() string     { return "docker" }
func (Docker) Params() []string { return nil }

// Members' only implementation is a stub: no members, no error.
type Members interface {
	Members(group int64) ([]string, error)
}

type stubMembers struct{}

func NewMembers() Members { return &stubMembers{} }

func (s *stubMembers) Members(int64) ([]string, error) { return nil, nil }

// Lister has two implementations: one lists nothing, the other lists
// what it holds. A guard on its items stays undecided.
type Lister interface {
	Items() []string
}

type Empty struct{}

func (Empty) Items() []string { return []string{} }

type Fixed struct{ List []string }

func (f Fixed) Items() []string { return f.List }

// Remote has no implementation in the module: what it answers is
// unknown.
type Remote interface {
	Items() []string
}

// Maybe answers nil on one path, a list on the other.
func Maybe(id int64) []string {
	if id > 0 {
		return []string{"x"}
	}
	return nil
}

// Lookup never finds anything.
func Lookup(string) (string, bool) { return "", false }

// Recovered returns nil, unless a panic is recovered: the deferred
// function sets the result then.
func Recovered() (out []string) {
	defer func() {
		if recover() != nil {
			out = []string{"recovered"}
		}
	}()
	return nil
}
