package program

// CalledOutside are the functions named in fns (by types.Func.FullName)
// that a function of the program other than those calls: of a set of
// constructors calling one another, those the rest of the program uses.
func (p *Program) CalledOutside(fns map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, f := range p.list {
		if f.Decl != nil && fns[f.Decl.FullName()] {
			continue // one of them (or a closure in one)
		}
		for _, c := range f.Calls {
			for _, g := range c.Callees {
				if g.Decl != nil && !g.closure && fns[g.Decl.FullName()] {
					out[g.Decl.FullName()] = true
				}
			}
		}
	}
	return out
}
