package httppattern

import (
	"cmp"
	"slices"
	"strings"
)

// A Matcher finds the most specific of many patterns that serves a request.
// Build it with NewMatcher or Add, then call Match from any number of
// goroutines: a built Matcher is never written by Match.
//
// Patterns live in a trie of segments, so a lookup costs about the depth
// of the path, not the number of patterns; an access log of millions of
// lines against a thousand routes is then cheap.
type Matcher struct {
	root     node
	patterns []Pattern
	keys     map[string]bool // Key plus constraints, to drop duplicate spellings
}

type node struct {
	lits   map[string]*node
	params []*edge    // mixed, then constrained, then plain parameters: the order of preference
	wild   []*Pattern // patterns whose wildcard starts here
	end    []*Pattern // patterns that end here
}

type edge struct {
	seg   segment
	child *node
}

// NewMatcher builds a Matcher from patterns, in any supported syntax.
func NewMatcher(patterns ...string) *Matcher {
	m := &Matcher{}
	for _, p := range patterns {
		m.Add(p)
	}
	return m
}

// Add parses pattern, adds it, and returns it parsed. A pattern that
// differs from an earlier one only in its parameter names is not added
// again: the first spelling is the one Match reports.
func (m *Matcher) Add(pattern string) Pattern {
	p := Parse(pattern)
	if p.opaque {
		return p // a function name serves no request path
	}
	id := p.Key() + constraintsOf(p.segs)
	if m.keys == nil {
		m.keys = make(map[string]bool)
	}
	if m.keys[id] {
		return p
	}
	m.keys[id] = true
	m.patterns = append(m.patterns, p)
	// The trie holds its own copy: pointers into m.patterns would dangle
	// once the slice grows.
	stored := new(Pattern)
	*stored = p

	n := &m.root
	for _, s := range p.segs {
		if s.kind == segWildcard {
			n.wild = append(n.wild, stored)
			return p
		}
		n = n.child(s)
	}
	n.end = append(n.end, stored)
	return p
}

// constraintsOf tells apart patterns with one Key but different regexps
// ("{id:[0-9]+}" and "{id}"), which match different requests.
func constraintsOf(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.re != nil {
			b.WriteString("\x00" + s.re.String())
		}
	}
	return b.String()
}

func (n *node) child(s segment) *node {
	if s.kind == segLiteral {
		if n.lits == nil {
			n.lits = make(map[string]*node)
		}
		c := n.lits[s.text]
		if c == nil {
			c = &node{}
			n.lits[s.text] = c
		}
		return c
	}
	for _, e := range n.params {
		if e.seg.kind == s.kind && e.seg.text == s.text && reString(e.seg) == reString(s) {
			return e.child
		}
	}
	e := &edge{seg: s, child: &node{}}
	n.params = append(n.params, e)
	slices.SortStableFunc(n.params, func(a, b *edge) int { return compareEdges(a.seg, b.seg) })
	return e.child
}

// compareEdges orders a node's parameter edges by preference: mixed
// segments with more literal text first, then constrained parameters, then
// plain ones; the rest by text, for determinism.
func compareEdges(a, b segment) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := cmp.Compare(b.nlits, a.nlits); c != 0 {
		return c
	}
	if (a.re == nil) != (b.re == nil) {
		if a.re != nil {
			return -1 // constrained first
		}
		return 1
	}
	if c := cmp.Compare(a.text, b.text); c != 0 {
		return c
	}
	return cmp.Compare(reString(a), reString(b))
}

func reString(s segment) string {
	if s.re == nil {
		return ""
	}
	return s.re.String()
}

// Len is the number of distinct patterns.
func (m *Matcher) Len() int { return len(m.patterns) }

// Match returns the most specific pattern serving a request for method and
// target ("/orders/123?x=1"). Path specificity decides first (see the
// package doc); among patterns with the same path, an exact method beats a
// GET pattern serving HEAD, which beats a pattern for any method. An empty
// method matches patterns of every method.
func (m *Matcher) Match(method, target string) (Pattern, bool) {
	segs, ok := SplitPath(target)
	if !ok || m == nil {
		return Pattern{}, false
	}
	if p := m.root.lookup(segs, strings.ToUpper(method)); p != nil {
		return *p, true
	}
	return Pattern{}, false
}

// lookup walks the trie depth first, most specific branch first, so the
// first pattern found with an acceptable method is the answer.
func (n *node) lookup(segs []string, method string) *Pattern {
	if len(segs) == 0 {
		return bestMethod(n.end, method)
	}
	if c := n.lits[segs[0]]; c != nil {
		if p := c.lookup(segs[1:], method); p != nil {
			return p
		}
	}
	for _, e := range n.params {
		if e.seg.matches(segs[0]) {
			if p := e.child.lookup(segs[1:], method); p != nil {
				return p
			}
		}
	}
	return bestMethod(n.wild, method)
}

func bestMethod(ps []*Pattern, method string) *Pattern {
	var best *Pattern
	bestRank := 0
	for _, p := range ps {
		if r := methodRank(p.Method, method); r > bestRank {
			best, bestRank = p, r
		}
	}
	return best
}

// methodRank scores how well a pattern's method serves a request's, 0
// when it does not.
func methodRank(pattern, request string) int {
	switch {
	case request == "":
		return 1
	case pattern == request:
		return 3
	case pattern == "GET" && request == "HEAD":
		return 2 // net/http serves HEAD with the GET handler
	case pattern == AnyMethod:
		return 1
	}
	return 0
}
