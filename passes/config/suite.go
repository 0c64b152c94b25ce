package config

import (
	"flag"
	"fmt"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Suite returns the analyzers of one run under host h: roots, and what
// they require, with a settings analyzer of h's (New) in place of
// Analyzer. An analyzer that requires the settings, directly or not, is
// a copy whose Requires are the copies and whose flags are new flags of
// the same names, usage and defaults; the others are returned as they
// are. The result is in the order of roots, ready for a driver (whose
// flags a user then sets on these copies, and on nothing else).
//
// Under a WholeProgram host, the copies do not require inspect.Analyzer:
// their passes get their inspector from Inspector, which lives as long as
// the passes using it, not, as inspect's result would, as long as the
// analysis of the whole program.
func Suite(h Host, roots ...*analysis.Analyzer) []*analysis.Analyzer {
	s := &suite{copies: map[*analysis.Analyzer]*analysis.Analyzer{Analyzer: New(h)}, ownInspectors: h.WholeProgram}
	out := make([]*analysis.Analyzer, len(roots))
	for i, a := range roots {
		out[i] = s.copyFor(a)
	}
	return out
}

// suite is what Suite makes: the copies made so far, by original.
type suite struct {
	copies        map[*analysis.Analyzer]*analysis.Analyzer
	ownInspectors bool // copies leave inspect.Analyzer out of their Requires
}

// copyFor returns a's analyzer in the suite.
func (s *suite) copyFor(a *analysis.Analyzer) *analysis.Analyzer {
	if c, ok := s.copies[a]; ok {
		return c
	}
	requires := make([]*analysis.Analyzer, 0, len(a.Requires))
	changed := false
	for _, r := range a.Requires {
		c := s.copyFor(r)
		requires = append(requires, c)
		changed = changed || c != r
	}
	if changed && s.ownInspectors {
		requires = slices.DeleteFunc(requires, func(r *analysis.Analyzer) bool { return r == inspect.Analyzer })
	}
	if !changed {
		s.copies[a] = a // needs no settings: shared, as inspect.Analyzer is
		return a
	}
	c := &analysis.Analyzer{
		Name:             a.Name,
		Doc:              a.Doc,
		URL:              a.URL,
		Run:              a.Run,
		RunDespiteErrors: a.RunDespiteErrors,
		Requires:         requires,
		ResultType:       a.ResultType,
		FactTypes:        a.FactTypes,
	}
	a.Flags.VisitAll(func(f *flag.Flag) { copyFlag(&c.Flags, f) })
	s.copies[a] = c
	return c
}

// copyFlag defines in fs a flag like f, with a value of its own. Analyzer
// flags are declared with the flag package's Bool, Int and String (and
// their Var forms), whose values are flag.Getters, or with a value of
// this package that makes its own copies (Budget), which check what they
// are set to as the original does.
func copyFlag(fs *flag.FlagSet, f *flag.Flag) {
	if v, ok := f.Value.(interface{ fresh() flag.Value }); ok {
		fs.Var(v.fresh(), f.Name, f.Usage)
		return
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		panic(fmt.Sprintf("flag %s: %T is not a flag.Getter", f.Name, f.Value))
	}
	switch g.Get().(type) {
	case bool:
		def, _ := strconv.ParseBool(f.DefValue)
		fs.Bool(f.Name, def, f.Usage)
	case int:
		def, _ := strconv.Atoi(f.DefValue)
		fs.Int(f.Name, def, f.Usage)
	case string:
		fs.String(f.Name, f.DefValue, f.Usage)
	default:
		panic(fmt.Sprintf("flag %s: cannot copy a %T", f.Name, g.Get()))
	}
}
