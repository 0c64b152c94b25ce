package program

import (
	"go/token"
	"maps"
	"slices"
	"sync"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// One module often builds several programs (kraken's origin, agent and
// build-index; a service and its admin tool) from packages they share. A
// shared interface's implementations are each linked into the programs
// whose main packages import them — a storage backend registered by its
// package's init, chosen in one program's configuration — and a request
// of one program can run only code that program links. The graph
// dispatches an interface's method to every implementation in the
// module, so a route of a program that never imports the SQL backend
// would list that backend's queries. Queries keeps, for an entry, the
// sites in packages linked into some program that can register it: the
// import closures of the main packages whose closures hold the package
// registering the route (or declaring the entry's first part). Where no
// main package imports it (a library, a package of its own), nothing is
// left out. A site reached over a gRPC call (a client's method to the
// server's implementation, see Call.RPC) runs in the server's program:
// it stays.

// binaries is what linkedFor reads: each main package's closure, by
// path, and which package each file belongs to.
type binaries struct {
	once     sync.Once
	closures []map[string]bool // of the module's main packages
	files    map[*token.File]string
	mu       sync.Mutex
	linked   map[string]map[string]bool // linkedFor's answers, by package
}

func (p *Program) binaryIndex() *binaries {
	b := &p.bins
	b.once.Do(func() {
		b.files = map[*token.File]string{}
		for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
			pkg := p.pkgs[path]
			for _, f := range pkg.Syntax {
				if tf := p.Fset.File(f.Pos()); tf != nil {
					b.files[tf] = path
				}
			}
			if pkg.Name != "main" {
				continue
			}
			closure := map[string]bool{}
			var walk func(path string)
			walk = func(path string) {
				if closure[path] {
					return
				}
				closure[path] = true
				if q := p.pkgs[path]; q != nil {
					for imp := range q.Imports {
						if p.pkgs[imp] != nil {
							walk(imp)
						}
					}
				}
			}
			walk(path)
			b.closures = append(b.closures, closure)
		}
	})
	return b
}

// pkgAt is the path of the module package whose file holds pos, "" when
// none does.
func (p *Program) pkgAt(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return p.binaryIndex().files[p.Fset.File(pos)]
}

// linkedFor is the set of module packages linked into some program
// that links pkg: the union of the closures of the main packages whose
// closure holds it; nil when no main package does.
func (p *Program) linkedFor(pkg string) map[string]bool {
	if pkg == "" {
		return nil
	}
	b := p.binaryIndex()
	b.mu.Lock()
	defer b.mu.Unlock()
	if out, ok := b.linked[pkg]; ok {
		return out // asked once per site a loop reaches: the union is made once
	}
	var out map[string]bool
	for _, c := range b.closures {
		if !c[pkg] {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		maps.Copy(out, c)
	}
	if b.linked == nil {
		b.linked = map[string]map[string]bool{}
	}
	b.linked[pkg] = out
	return out
}

// entryLinked is linkedFor of the package an entry is in: where its
// route is registered, else where its first part is declared.
func (p *Program) entryLinked(e *Entry) map[string]bool {
	switch {
	case e.Route != nil:
		return p.linkedFor(p.pkgAt(e.Route.Pos))
	case len(e.Parts) > 0 && e.Parts[0].Func != nil:
		return p.linkedFor(e.Parts[0].Func.pkg)
	}
	return nil
}

// crossesRPC reports whether a chain of calls goes over a gRPC call, from
// a client's method to the implementation a server registers.
func crossesRPC(via []*Func) bool {
	for i := 0; i+1 < len(via); i++ {
		for _, c := range via[i].Calls {
			if c.RPC != "" && slices.Contains(c.Callees, via[i+1]) {
				return true
			}
		}
	}
	return false
}

// Unlinked reports whether the site r, reached from f, is in a package no
// program linking f's package links: the graph dispatched a call through
// an interface to an implementation only another program holds (notary's
// client signing through a key store only its signer links). A chain
// over gRPC runs in the server's program; where no main package imports
// f's package (a library), nothing is unlinked.
func (p *Program) Unlinked(f *Func, r Reached) bool {
	return f != nil && r.Site != nil && p.otherProgram(p.linkedFor(f.pkg), r.Site, r.Via)
}

// otherProgram reports whether site, reached along via, is in a package
// outside linked (a linkedFor answer; nil: nothing is outside), unless
// the chain crosses a gRPC call into the server's program.
func (p *Program) otherProgram(linked map[string]bool, site *queries.Site, via []*Func) bool {
	if linked == nil {
		return false
	}
	pkg := p.pkgAt(site.Call.Pos())
	return pkg != "" && !linked[pkg] && !crossesRPC(via)
}
