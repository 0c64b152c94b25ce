package httppattern

import (
	"net/url"
	"strings"
)

// Match reports whether concretePath ("/orders/123?x=1") is served by
// pattern's path. The pattern's method and host are ignored: use a Matcher
// to choose among methods.
func Match(pattern, concretePath string) bool {
	return Parse(pattern).MatchPath(concretePath)
}

// MatchPath reports whether concretePath is served by p's path.
func (p Pattern) MatchPath(concretePath string) bool {
	segs, ok := SplitPath(concretePath)
	if !ok || p.opaque {
		return false
	}
	return matchSegs(p.segs, segs)
}

func matchSegs(pat []segment, segs []string) bool {
	for i, s := range pat {
		if s.kind == segWildcard {
			return len(segs) > i // a subtree needs something after its slash
		}
		if i >= len(segs) || !s.matches(segs[i]) {
			return false
		}
	}
	return len(pat) == len(segs)
}

// matches reports whether one (unescaped) request segment fits s; a
// wildcard is handled by the caller, since it spans segments.
func (s *segment) matches(seg string) bool {
	switch s.kind {
	case segLiteral:
		return s.text == seg
	case segParam:
		return seg != "" && (s.re == nil || s.re.MatchString(seg))
	case segMixed:
		return s.re.MatchString(seg)
	}
	return false
}

// SplitPath cuts a request target into unescaped path segments, dropping
// the query and fragment and, for absolute-form targets
// ("http://host/x"), the scheme and host. "/" is one empty segment, so that
// it matches "/{$}" and the subtree "/" but no "/{id}". ok is false for
// targets that are no path at all ("*", "example.com:443").
func SplitPath(target string) (segs []string, ok bool) {
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	if rest, found := cutScheme(target); found {
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return []string{""}, true // "http://host" is the root
		}
		target = rest[i:]
	}
	if target == "" {
		target = "/"
	}
	if target[0] != '/' {
		return nil, false
	}
	segs = strings.Split(target[1:], "/")
	for i, s := range segs {
		if strings.IndexByte(s, '%') < 0 {
			continue // nothing to unescape, the common case
		}
		if u, err := url.PathUnescape(s); err == nil {
			segs[i] = u
		}
	}
	return segs, true
}

func cutScheme(t string) (rest string, ok bool) {
	for _, scheme := range [...]string{"http://", "https://"} {
		if len(t) >= len(scheme) && strings.EqualFold(t[:len(scheme)], scheme) {
			return t[len(scheme):], true
		}
	}
	return t, false
}
