package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// A request often hands its work to a long-lived goroutine over a
// channel: a hub's `h.join <- req`, a topic's `t.broadcast <- msg`. The
// goroutine that receives it (`case m := <-t.broadcast:` in its loop,
// `for m := range h.join`) runs the queries, on the request's behalf; a
// route that showed only what it runs itself showed none of them.
//
// So a route's entry gets a part for each long-lived receiver of a
// channel it sends on: the body of the select case, range loop or loop
// after the receive, which runs once per message sent (its own loops
// multiply it). The channel is told by the module's own struct field or
// package variable it is kept in (the same field, whatever value holds
// it): what the route runs, the goroutines it starts included, sends on
// it; each receiving body is a part (Part.Chan names the channel), and
// what that body runs sends on in turn, so a hub that hands the message
// on to a topic's goroutine brings the topic's queries too. A receiver
// is long-lived when the receive is within a loop that runs until
// something outside stops it (a worker's loop); a one-time receive is its
// function's, already counted where that function runs.
//
// What only a background job or the start sends on brings nothing into
// a route, and a route that receives from a channel (waits for a result)
// gains nothing from it: only sends are followed. A channel held in a
// local variable or handed as a parameter is not followed.

// chanKey is a channel's field or package variable.
type chanKey = *types.Var

// receiver is a body that runs per message received on a channel.
type receiver struct {
	f      *Func
	loop   *queries.Loop // the worker's loop it is in
	lo, hi token.Pos     // the body
	name   string        // the channel, as Part.Chan names it
}

// chanIndex is the module's long-lived receivers, by channel, and the
// channels each function sends on.
type chanIndex struct {
	recv  map[chanKey][]receiver
	sends map[*Func][]send
}

// send is a send statement's channel, and where it is.
type send struct {
	ch  chanKey
	pos token.Pos
	// depth counts the data loops around the send in its function
	// (within the worker's loop it is in, if any): the receiver runs
	// once per item of them.
	depth int
}

// channels builds the index once.
func (p *Program) channels() *chanIndex {
	if p.chans != nil {
		return p.chans
	}
	ix := &chanIndex{recv: map[chanKey][]receiver{}, sends: map[*Func][]send{}}
	p.chans = ix
	for _, f := range p.list {
		info := p.info(f)
		if f.syntax == nil || info == nil || f.Synthetic || f.instance {
			continue
		}
		loops := map[ast.Stmt]*queries.Loop{} // the worker's loops
		known := map[ast.Stmt]*queries.Loop{}
		for _, c := range f.Calls {
			for _, l := range c.Loops {
				known[l.Node] = l
				if l.Kind.Unbounded() {
					loops[l.Node] = l
				}
			}
		}
		var stack []ast.Node
		addRecv := func(x ast.Expr, lo, hi token.Pos) {
			k, name := p.chanOf(info, x)
			if k == nil {
				return
			}
			for i := len(stack) - 1; i >= 0; i-- {
				s, _ := stack[i].(ast.Stmt)
				if l := loops[s]; l != nil {
					ix.recv[k] = append(ix.recv[k], receiver{f: f, loop: l, lo: lo, hi: hi, name: name})
					return
				}
			}
		}
		ast.Inspect(f.syntax, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if _, lit := n.(*ast.FuncLit); lit && n != f.syntax {
				return false // a closure is a function of its own
			}
			switch n := n.(type) {
			case *ast.SendStmt:
				if k, _ := p.chanOf(info, n.Chan); k != nil {
					ix.sends[f] = append(ix.sends[f], send{k, n.Arrow, sendDepth(info, stack, known)})
				}
			case *ast.CommClause:
				if x := received(n.Comm); x != nil {
					addRecv(x, n.Colon, n.End())
				}
			case *ast.RangeStmt:
				if _, ok := info.TypeOf(n.X).(*types.Chan); ok {
					stack = append(stack, n) // the range loop is the worker's
					addRecv(n.X, n.Body.Lbrace, n.Body.Rbrace)
					stack = stack[:len(stack)-1]
				}
			case *ast.BlockStmt:
				// A receive standing in a loop's body: the rest of the
				// body handles what it received.
				if len(stack) > 0 {
					if _, ok := stack[len(stack)-1].(*ast.ForStmt); ok {
						for _, st := range n.List {
							if x := received(st); x != nil {
								addRecv(x, st.End(), n.Rbrace)
							}
						}
					}
				}
			}
			stack = append(stack, n)
			return true
		})
	}
	return ix
}

// sendDepth counts the data loops among the statements enclosing a send
// (outermost first), inside the innermost worker's loop: those the
// queries pass classified, and a range over a slice, map or number it
// did not (a loop with no call in it).
func sendDepth(info *types.Info, stack []ast.Node, known map[ast.Stmt]*queries.Loop) int {
	var ls []*queries.Loop
	extra := 0
	for _, n := range stack {
		s, ok := n.(ast.Stmt)
		if !ok {
			continue
		}
		if l := known[s]; l != nil {
			if l.Kind.Unbounded() {
				ls, extra = nil, 0
			} else {
				ls = append(ls, l)
			}
			continue
		}
		if r, ok := s.(*ast.RangeStmt); ok {
			switch info.TypeOf(r.X).Underlying().(type) {
			case *types.Chan, *types.Signature:
				ls, extra = nil, 0 // a consumer's loop, or an iterator's
			default:
				extra++
			}
		}
	}
	return queries.PerItem(ls) + extra
}

// received is the channel a statement receives from: `<-ch`, `v := <-ch`,
// `v, ok = <-ch`.
func received(st ast.Stmt) ast.Expr {
	var x ast.Expr
	switch st := st.(type) {
	case *ast.ExprStmt:
		x = st.X
	case *ast.AssignStmt:
		if len(st.Rhs) == 1 {
			x = st.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}

// chanOf is the field or package variable of the module's own that
// channel expression x reads, and its name ("Hub.join", "events.Queue");
// nil for anything else.
func (p *Program) chanOf(info *types.Info, x ast.Expr) (chanKey, string) {
	var v *types.Var
	var owner string
	switch x := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return nil, ""
			}
			v, _ = sel.Obj().(*types.Var)
			if n, ok := types.Unalias(derefType(sel.Recv())).(*types.Named); ok {
				owner = n.Obj().Name()
			}
		} else {
			v, _ = info.Uses[x.Sel].(*types.Var) // pkg.Var
		}
	case *ast.Ident:
		v, _ = info.Uses[x].(*types.Var)
	}
	if v == nil || v.Pkg() == nil || p.pkgs[v.Pkg().Path()] == nil {
		return nil, ""
	}
	if _, ok := v.Type().Underlying().(*types.Chan); !ok {
		return nil, ""
	}
	if v.IsField() {
		v = v.Origin()
		if owner == "" {
			return nil, ""
		}
		return v, owner + "." + v.Name()
	}
	if v.Parent() != v.Pkg().Scope() {
		return nil, "" // a local variable
	}
	return v, v.Pkg().Name() + "." + v.Name()
}

// chanParts are the parts of a route's entry that the long-lived
// receivers of the channels it sends on run (see above), each of From
// the part whose code sends first.
func (p *Program) chanParts(e *Entry) []Part {
	ix := p.channels()
	if len(ix.recv) == 0 {
		return nil
	}
	var out []Part
	seen := map[chanKey]bool{}
	todo := e.Parts
	for len(todo) > 0 {
		// This round's channels, in the order first sent on, each with
		// the most loops it is sent in.
		var order []chanKey
		from := map[chanKey]string{}
		depth := map[chanKey]int{}
		for _, part := range todo {
			var fs []*Func
			if e.cut == nil {
				fs = p.partFunctions(part, true, true)
			} else {
				fs = p.functions(&Entry{Parts: []Part{part}, cut: e.cut}, true, true)
			}
			if part.Loop != nil {
				fs = append(slices.Clip(fs), part.Func) // the sends in its body
			}
			for _, f := range fs {
				for _, sd := range ix.sends[f] {
					k := sd.ch
					if seen[k] || f == part.Func && part.Loop != nil && !(part.lo <= sd.pos && sd.pos < part.hi) {
						continue
					}
					if _, ok := from[k]; !ok {
						order = append(order, k)
						from[k] = part.From
					}
					depth[k] = max(depth[k], part.depth+sd.depth)
				}
			}
		}
		var next []Part
		for _, k := range order {
			seen[k] = true
			for _, r := range ix.recv[k] {
				next = append(next, Part{From: from[k], Func: r.f, Loop: r.loop, Chan: r.name, lo: r.lo, hi: r.hi, depth: depth[k]})
				next = append(next, r.started(from[k], depth[k])...)
			}
		}
		out = append(out, next...)
		todo = next
	}
	return out
}

// started are the parts of the goroutines a receiver's body starts to
// handle the message (a topic set up on a goroutine of its own): they
// run on its behalf, as the body does.
func (r receiver) started(from string, depth int) []Part {
	var out []Part
	for _, c := range r.f.Calls {
		i := indexOf(c.Loops, r.loop)
		if !c.Async || i < 0 || c.Pos < r.lo || c.Pos >= r.hi || queries.Unbounded(c.Loops[i+1:]) {
			continue
		}
		for _, g := range c.Callees {
			out = append(out, Part{From: from, Func: g, Chan: r.name, depth: depth + queries.PerItem(c.Loops[i+1:])})
		}
	}
	return out
}

// holds reports whether call c is in the part's body: for a receiver's
// part, the body that handles a message; for a job's, its loop's.
func (part Part) holds(c *Call) bool {
	return part.Chan == "" || part.Loop == nil || part.lo <= c.Pos && c.Pos < part.hi
}

// A handler that takes the request's connection over (a websocket's
// upgrade, a hijack) and hands it to goroutines it starts serves the
// connection on them: what they run, message after message, is the
// route's, where a goroutine a request starts and leaves running is
// otherwise a background job's (see goroutines.go).

// connParts are the parts of the goroutines a route's part starts in
// its own body, when the part takes the connection over (see takesOver).
func (p *Program) connParts(parts []Part) []Part {
	var out []Part
	for _, part := range parts {
		if part.Loop != nil || !p.takesOver(part.Func) {
			continue
		}
		for _, c := range part.Func.Calls {
			if !c.Async || queries.Unbounded(c.Loops) {
				continue
			}
			for _, g := range c.Callees {
				out = append(out, Part{From: part.From, Func: g})
			}
		}
	}
	return out
}

// takesOver reports whether f, a handler, calls a function outside the
// module with its http.ResponseWriter (as an argument or the receiver)
// that returns the connection: a value that can be read from and closed
// (net.Conn from Hijack, a websocket library's *Conn from its Upgrade or
// Accept).
func (p *Program) takesOver(f *Func) bool {
	info := p.info(f)
	var params *ast.FieldList
	var body *ast.BlockStmt
	switch n := f.syntax.(type) {
	case *ast.FuncDecl:
		params, body = n.Type.Params, n.Body
	case *ast.FuncLit:
		params, body = n.Type.Params, n.Body
	}
	if info == nil || params == nil || body == nil {
		return false
	}
	var w types.Object
	for _, fld := range params.List {
		for _, name := range fld.Names {
			if o := info.Defs[name]; o != nil && isResponseWriter(o.Type()) {
				w = o
			}
		}
	}
	if w == nil {
		return false
	}
	isW := func(x ast.Expr) bool {
		if ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr); ok {
			x = ta.X // w.(http.Hijacker)
		}
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == w
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit || found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || p.pkgs[fn.Pkg().Path()] != nil {
			return true
		}
		handed := slices.ContainsFunc(call.Args, isW)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isW(sel.X) {
			handed = true
		}
		if !handed {
			return true
		}
		res := fn.Type().(*types.Signature).Results()
		for i := range res.Len() {
			if connection(res.At(i).Type()) {
				found = true
			}
		}
		return true
	})
	return found
}

func isResponseWriter(t types.Type) bool {
	return isNamed(t, "net/http", "ResponseWriter")
}

// connection reports whether values of t can be read from and closed:
// a method Close and a method whose name starts with Read.
func connection(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	closes, reads := false, false
	for i := range ms.Len() {
		name := ms.At(i).Obj().Name()
		closes = closes || name == "Close"
		reads = reads || strings.HasPrefix(name, "Read")
	}
	return closes && reads
}
