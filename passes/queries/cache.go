package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Read-through caches by key. A query that runs only when a long-lived
// cache lacks its key, and whose result the miss keeps in the cache, runs
// once per key for as long as the process runs (or the entry lives).
//
// In a cache the process keeps (a package-level variable, a field of the
// receiver) that is once for a loop around the call whatever the key:
// the first pass over new keys misses, and every pass after it, for
// every request until the entries expire, hits. Round trips on a cold
// start are not what a user asks this check about, and a reader of the
// code calls such a loop cached. A cache the function is handed (a
// parameter's field) may be one its caller made for one pass: there the
// key decides, once for the loop only when it repeats across the items
// (a constant, a value made before the loop), since a key the loop makes
// anew per item misses on every item; so the lookup's key is traced
// (see keyflow.go) and the fill is keyed by what it is computed from. A
// memo the function makes before its loop is read likewise (see memo).
//
// What counts as such a cache, and what does not:
//
//   - the cache outlives the call: a field or a package-level variable,
//     selected from the receiver, a parameter or a package-level variable;
//     a map made in the function (or a field of a value made there) is a
//     memo per call, one query per distinct key, which is data; but a map
//     made before a loop and never made anew in it is a memo across the
//     loop's items, which a key many items share (an item's group) hits:
//     it counts, unless the key is the loop's own variable (see memo);
//   - the test is of the key's presence: `v, ok := c.Load(k)` (sync.Map,
//     or any method answering (value, bool), as go-cache's, lru's or
//     ristretto's Get), `v, ok := c.m[k]`, `v := c.m[k]` tested `v ==
//     nil` (a map of pointers: nil is the entry it lacks), `v, err :=
//     c.Get(k)` tested `err == nil` (bigcache, freecache), `err :=
//     c.Get(ctx, k, &v)` tested so (a cache client decoding the entry
//     into what it is handed, see outLookup), `v, ok :=
//     ctx.Value(k).(T)` by a key the package sets (the request's context,
//     see ctxvalue.go), a method
//     answering a bool alone (lru's Contains), a map of flags (`if
//     s.loaded[k]`), or a function of the package answering one of these
//     for its parameter (`if !s.IsLoaded(k) { s.load(k) }`), or a getter
//     of the package answering one nilable value, nil on a miss (`if v :=
//     c.get(k); v != nil { return v }`, its body `e, ok := c.items[k]; if
//     !ok { return nil }`); or Redis (see redisLookup); the lookup may be
//     made only once its key is whole, `if version != "" { v, ok =
//     c.Get(k) }` (a caching decorator's, see keys.go);
//   - a second condition beside the test may check the entry found (`ok
//     && v != nil`, `!ok || time.Since(e.at) > time.Hour`), reading only
//     it, the receiver's fields and package-level names. A condition that
//     reads a parameter (`ok && !skipCache`) is the caller's bypass, and
//     one that reads no entry (`ok && s.enabled`), like a lookup nested in
//     `if s.cache != nil { ... }` or after `if !s.enabled { return q() }`,
//     a switch that may be off: then every
//     call queries, and whether it is on is the deployment's to say (an
//     optional cache is often the very workaround for the loop, off by
//     default), so both stay reported;
//   - the miss keeps what it computed under the same key in the same
//     cache, itself or by a statement after the if that every path
//     through the block runs (`if !ok { v = load(k) }; memo[k] = v + 1`)
//     (`c.Store(k, v)`, `c.m[k] = v`, `c.Set(k, v, ttl)`, or
//     `c.m[v.ID] = v` for a v the miss loaded by a call handed k), itself
//     or in a function of the package it calls with the key (or the
//     value), or through an unexported package-level func variable the
//     package gives one literal and never assigns again (`var keep =
//     func(v *V) { c.Set(v.Key, v) }`); a miss that calls a dedupe group
//     (singleflight's `v, err, _ := g.Do(k, func() (V, error) { ... })`)
//     is read with the loader it hands it, which runs during the call:
//     the group merges concurrent misses, and the loader's store fills
//     the cache the lookup before it reads (a group with no lookup
//     before it keeps nothing, see loader.go); or it marks
//     the key in a set of flags (`s.loaded[k] = true`) and keeps a computed
//     value in another long-lived cache (the load filling a second map);
//     in a memo of flags across a loop's items (see memo), marking the
//     key is enough, the hit going on to the next item and the mark at
//     the top of the block, whatever the work did (`if done[job.Cluster]
//     { continue }; ...; done[job.Cluster] = true`: the work once per key
//     the items share; a key of the item's own is none, see itemKey; a
//     mark on success only, in an else, lets the key's next item try
//     again). A set of seen keys that keeps nothing, or a cache the miss never
//     fills, queries per item; so does a key spelled the same at the
//     store but of other variables, or one a part of which the function
//     assigns between the lookup and the store (see keys.go);
//   - the entry lives at least a minute: a time to live written as a
//     constant shorter than that (`c.Set(k, v, 10*time.Second)`, `ok &&
//     time.Since(e.at) < 5*time.Second`) keeps it reported. A minute is
//     about the time from one page load to the next: an entry that
//     expires sooner is cold again for most requests, and the loop's
//     queries run for most of its items. A time to live the code does
//     not spell as a constant (the cache's default, a setting) counts as
//     long.
//
// Functions of the package are followed three calls deep; a function of
// another package, or a call through an interface or a func value other
// than such a variable, fills nothing as far as this is concerned.

// shortTTL is the time to live below which a cache entry is not a
// long-lived one (see above).
const shortTTL = time.Minute

// Where a block reads through a keyed cache (see readThrough).
const (
	noMiss   = iota
	missRest // the statement is `if ok { return v }`: the rest runs on a miss
	missBody // the statement is `if !ok { ... }`: its body runs on a miss
)

// caches finds the read-through caches of one package's functions.
type caches struct {
	info  *types.Info
	files []*ast.File
	decls map[*types.Func]*ast.FuncDecl // the package's functions, on first use
	// funcVars are the package's func variables only ever given one
	// literal, on first use (see funcVar).
	funcVars map[*types.Var]*ast.FuncLit
	// ctxKeys are the keys the package gives context.WithValue (see
	// ctxvalue.go), on first use.
	ctxKeys map[any]bool
	// getsRedis says, of the package's function bodies read so far,
	// whether each makes a Redis GET (see redisLookup): every `err`
	// tested after a call of the package asks.
	getsRedis map[*ast.BlockStmt]bool
	// budget is how many more function bodies the miss being read may
	// have stores read from (its callees and theirs).
	budget int
}

// maxBodies bounds the bodies read for one miss: a miss that calls a
// whole computation is read no further than that.
const maxBodies = 64

// scope is where a lookup or a store is read: in the function walked, or
// in a function of the package it calls.
type scope struct {
	recv *types.Var // the function's receiver, nil for a function
	// body is, in the function walked, its outermost function's body: what
	// is declared there lives as long as a call.
	body ast.Node
	// env is, in a callee, what its receiver and parameters are at the
	// call (nil in the function walked): its other locals are unknown.
	env   map[*types.Var]term
	depth int
	// loops are, in the function walked, the loops around the block read
	// (outermost first): a map the function makes before the innermost
	// one is a memo across its items (see memo).
	loops []*Loop
}

// term is an expression as the function walked spells it.
type term struct {
	text string
	// lived says it outlives a call: rooted in a package-level variable,
	// the receiver or a parameter, not in a local.
	lived bool
	// computed says it is no constant and no nil.
	computed bool
	// vars are what the names spelled denote, in order: the same text of
	// other variables (one declared again) is another term.
	vars []types.Object
	// v is the variable of the function walked the term is, alone.
	v *types.Var
}

// same says whether t and u are the same expression of the same
// variables.
func (t term) same(u term) bool {
	return t.text == u.text && slices.Equal(t.vars, u.vars)
}

// lookup is a test of whether a long-lived cache holds a key.
type lookup struct {
	cache string // the cache (s.users), as the function walked spells it
	key   term   // the key, likewise
	// keyExpr is the key where the function walked writes it, nil when
	// the lookup is a callee's.
	keyExpr ast.Expr
	// memo says the cache is a memo across the items of a loop (see
	// memo): made for the keys the items share, by a key of theirs.
	memo bool
	// flags says the cache is a map of flags (s.loaded[k]): it marks the
	// keys done, and keeps no value. In a memo across a loop's items, a
	// hit may go on to the next item (`if done[k] { continue }`) when the
	// block marks the key (see marksAfter).
	flags bool
	// process says the cache lives as long as the process: a
	// package-level variable, or a field of the receiver of a method. Its
	// entries stay for later calls whatever the key (see keyOf).
	process bool
	value   *types.Var // what a hit found (v of `v, ok := ...`), nil when nothing
	test    *types.Var // the ok or err variable the test reads, nil when none
}

// store is a call or an assignment that puts something in a long-lived
// cache: c.Store(k, v), c.Set(k, v, ttl), c.m[k] = v.
type store struct {
	cache string
	args  []term // the key and the value (and a time to live, a cost)
	short bool   // it keeps the entry less than shortTTL
	// kept says the value is computed and the variable holds a cache (a
	// map, or a type with a lookup answering (value, bool)): the call
	// keeps data, not a mark.
	kept bool
}

// scopeAt is the scope of the function n, walked at c.
func (a *analyzer) scopeAt(n *funcNode, c inspector.Cursor) scope {
	sc := scope{body: n.body}
	if n.fn != nil {
		sc.recv = n.fn.Type().(*types.Signature).Recv()
	}
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := f.Node().(type) {
		case *ast.FuncDecl:
			sc.body = f.Body
		case *ast.FuncLit:
			sc.body = f.Body
		}
	}
	return sc
}

func (a *analyzer) caches() *caches {
	if a.cacheFinder == nil {
		a.cacheFinder = &caches{info: a.pass.TypesInfo, files: a.pass.Files}
	}
	return a.cacheFinder
}

// readThrough says whether list[i] tests a lookup of a long-lived keyed
// cache (see the top of this file), and which statements then run only
// on a miss: either the hit returns (`if ok { return v }`, the rest of
// the block is the miss) or the body is the miss (`if !ok { ... }`); the
// miss must keep what it computed in the cache under the key. The lookup
// comes with it, for its key.
func (k *caches) readThrough(sc scope, list []ast.Stmt, i int) (int, *lookup) {
	s, ok := list[i].(*ast.IfStmt)
	if !ok {
		return noMiss, nil
	}
	before := list[:i:i] // appending copies
	if s.Init != nil {
		before = append(before, s.Init)
	}
	l, onHit := k.test(sc, s.Cond, before)
	if l == nil {
		return noMiss, nil
	}
	kind, miss := missBody, s.Body.List
	if onHit {
		if s.Else != nil || !returns(s.Body) && !(l.memo && l.flags && endsIn(s.Body, token.CONTINUE) && k.marksAfter(sc, l, list[i+1:])) {
			return noMiss, nil // a hit that goes on queries anyway
		}
		kind, miss = missRest, list[i+1:]
	}
	k.budget = maxBodies
	if len(miss) == 0 {
		return noMiss, nil
	}
	stores := k.stores(sc, miss, nil)
	if kind == missBody && !l.filledBy(stores) {
		// `v, ok := memo[k]; if !ok { v = load(k) }; ...; memo[k] = v`:
		// a store after the if, on every path through the block, keeps
		// what the miss loaded.
		var after []ast.Stmt
		for _, st := range list[i+1:] {
			if mayLeave(st) {
				break // what follows may not run
			}
			switch st.(type) {
			case *ast.AssignStmt, *ast.ExprStmt:
				after = append(after, st)
			}
		}
		stores = k.stores(sc, after, stores)
		miss = slices.Concat(miss, after)
	}
	if !l.filledBy(stores) && !k.filledByLoaded(sc, l, stores, miss) {
		return noMiss, nil
	}
	if l.keyExpr != nil && !keyKept(k.info, slices.Concat(before, miss), l.keyExpr, l.storedVars(stores)) {
		return noMiss, nil // the store's key is another one
	}
	return kind, l
}

// marksAfter reports whether one of list, at its top, marks l's key
// done in l's map of flags, `done[job.Cluster] = true`: whatever the
// work that went before did. A mark only on success (in an else) keeps
// the key's next items trying again.
func (k *caches) marksAfter(sc scope, l *lookup, list []ast.Stmt) bool {
	for _, st := range list {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		ix, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
		if !ok {
			continue
		}
		if tv, ok := k.info.Types[as.Rhs[0]]; !ok || tv.Value == nil || tv.Value.String() != "true" {
			continue
		}
		c, ok := k.cacheTerm(sc, ix.X)
		if !ok || c != l.cache {
			continue
		}
		if kt, ok := k.render(sc, ix.Index); ok && kt.text == l.key.text {
			return true
		}
	}
	return false
}

// returns says whether a hit's block returns: it ends with a return, or
// with an if whose init reads the entry and whose body returns — `if x,
// ok := v.(T); ok { ...; return }` (a value of the type the cache holds,
// as it always is), `if err := json.Unmarshal(b, &v); err == nil {
// return v }` (an entry that decodes; one that does not is loaded
// again).
func returns(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.IfStmt:
		as, ok := last.Init.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || last.Else != nil {
			return false
		}
		switch ast.Unparen(as.Rhs[0]).(type) {
		case *ast.TypeAssertExpr, *ast.CallExpr:
			// if m, ok := v.(T); ok { return m }, or the entry decoded:
			// if err := json.Unmarshal(val, &m); err == nil { return m }
			// (an entry that does not decode is loaded again).
			return returns(last.Body)
		}
		return false
	}
	return false
}

// test reads cond as a test of a cache lookup (before holds the
// statements that run before it, where the lookup's assignment is): the
// lookup, and whether cond is true on a hit (else on a miss); nil when
// cond is no such test.
func (k *caches) test(sc scope, cond ast.Expr, before []ast.Stmt) (*lookup, bool) {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			l, onHit := k.test(sc, c.X, before)
			return l, !onHit
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			// `ok && fresh(v)` is true on a hit that is fresh, `!ok ||
			// stale(v)` on a miss or a stale entry: one side tests the
			// lookup, the other the entry it found.
			onHit := c.Op == token.LAND
			for _, p := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				if l, h := k.test(sc, p[0], before); l != nil && h == onHit && k.entryCheck(sc, p[1], l) {
					return l, onHit
				}
			}
		case token.EQL, token.NEQ:
			// err == nil, err of a lookup answering (value, error).
			x := c.X
			if isNil(k.info, c.X) {
				x = c.Y
			} else if !isNil(k.info, c.Y) {
				break
			}
			if l, isErr := k.assigned(sc, x, before); l != nil && isErr {
				return l, c.Op == token.EQL
			}
			// v := c.m[k]; if v == nil: a map's zero value for a key
			// it lacks, of a map of pointers (or interfaces, maps...).
			if l := k.nilLookup(sc, x, before); l != nil {
				return l, c.Op == token.NEQ
			}
		}
	case *ast.Ident:
		if l, isErr := k.assigned(sc, c, before); l != nil && !isErr {
			return l, true
		}
	case *ast.IndexExpr:
		// s.loaded[k], a map of flags.
		if t, ok := underlying(k.info.TypeOf(c.X)).(*types.Map); ok && isBool(t.Elem()) {
			if l := k.lookupOf(sc, c.X, c.Index); l != nil {
				l.flags = true
				return l, true
			}
		}
	case *ast.CallExpr:
		return k.holds(sc, c), true
	}
	return nil, false
}

// assigned finds, among stmts (the last assignment of x wins), `v, x :=
// cache.M(..., k)` or `v, x := cache[k]` on a long-lived cache, x being
// a bool, or an error (isErr) a method answers beside the value.
func (k *caches) assigned(sc scope, x ast.Expr, stmts []ast.Stmt) (l *lookup, isErr bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, _ := k.info.ObjectOf(id).(*types.Var)
	if v == nil {
		return nil, false
	}
	for j, st := range slices.Backward(stmts) {
		as, isAssign := st.(*ast.AssignStmt)
		if vs := valueSpec(st); vs != nil {
			// var v, ok = cache[k]: as v, ok := cache[k].
			as, isAssign = &ast.AssignStmt{Lhs: []ast.Expr{vs.Names[0], vs.Names[len(vs.Names)-1]}, Tok: token.DEFINE, Rhs: vs.Values}, len(vs.Names) == 2
		}
		guard, inner := guardedLookup(st)
		if inner != nil {
			as, isAssign = inner, true
		}
		if isAssign && guard == nil {
			if l := k.outLookup(sc, as, v); l != nil {
				return l, true
			}
		}
		if !isAssign || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			continue
		}
		if id, isID := as.Lhs[1].(*ast.Ident); !isID || k.info.ObjectOf(id) != v {
			continue
		}
		var key ast.Expr
		switch rhs := ast.Unparen(as.Rhs[0]).(type) {
		case *ast.IndexExpr:
			if _, isMap := underlying(k.info.TypeOf(rhs.X)).(*types.Map); isMap {
				key = rhs.Index
				l = k.lookupOf(sc, rhs.X, key)
			}
		case *ast.TypeAssertExpr:
			l = k.ctxLookup(rhs.X) // see ctxvalue.go
		case *ast.CallExpr:
			if r := k.redisLookup(sc, rhs); r != nil {
				l, isErr = r, true
				break
			}
			sel, sig := method(k.info, rhs)
			if sel == nil || sig.Results().Len() != 2 || len(rhs.Args) == 0 {
				break
			}
			key = rhs.Args[len(rhs.Args)-1]
			switch second := sig.Results().At(1).Type(); {
			case isBool(second):
				l = k.lookupOf(sc, sel.X, key)
			case types.Identical(second, errorType):
				l, isErr = k.lookupOf(sc, sel.X, key), true
			}
		}
		if l == nil {
			return nil, false
		}
		// A lookup under a guard: the guard may only test that the key
		// is whole, and a lookup skipped must read as a miss (an error
		// left nil would read as a hit).
		if guard != nil && (isErr || !guardsKey(k.info, guard.Cond, key) || !unset(k.info, stmts[:j], v)) {
			return nil, false
		}
		l.test = v
		if id, isID := as.Lhs[0].(*ast.Ident); isID {
			l.value, _ = k.info.ObjectOf(id).(*types.Var)
		}
		return l, isErr
	}
	return nil, false
}

// outLookup reads `err := c.Get(ctx, k, &v)`, as, assigning the error
// errVar, as a lookup of k in a long-lived cache c that answers its
// entry through a pointer (a cache service's client wrapping Redis or
// memcached, which decodes into what it is handed): a method answering
// an error alone, its last argument the address of a local, the key the
// argument before it; or a function of the package doing so over Redis,
// its body making a GET (`err := getJSON(key, &device)`, a Redis lookup,
// see redisLookup). What the miss stores under the same key in the same
// cache decides, as for any lookup.
func (k *caches) outLookup(sc scope, as *ast.AssignStmt, errVar *types.Var) *lookup {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	if id, ok := as.Lhs[0].(*ast.Ident); !ok || k.info.ObjectOf(id) != errVar {
		return nil
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return nil
	}
	sig, _ := k.info.TypeOf(call.Fun).(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), errorType) {
		return nil
	}
	addr, ok := ast.Unparen(call.Args[len(call.Args)-1]).(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return nil
	}
	id, ok := ast.Unparen(addr.X).(*ast.Ident)
	if !ok {
		return nil
	}
	val, _ := k.info.ObjectOf(id).(*types.Var)
	if val == nil || val.IsField() {
		return nil
	}
	var l *lookup
	if sel, _ := method(k.info, call); sel != nil {
		l = k.lookupOf(sc, sel.X, call.Args[len(call.Args)-2])
	} else if k.redisGetter(sc, call) {
		// A function of the package decoding a Redis GET into what it is
		// handed: GetRedisForJsondata(key, &device).
		l = &lookup{cache: redisCache, process: true}
	}
	if l == nil {
		return nil
	}
	l.test, l.value = errVar, val
	return l
}

// nilLookup finds the lookup x is, compared with nil: `c.m[k]` itself,
// or a variable the last of stmts to assign it gives `c.m[k]` alone, on
// a long-lived map (or a memo, see memo) whose values can be nil.
func (k *caches) nilLookup(sc scope, x ast.Expr, stmts []ast.Stmt) *lookup {
	x = ast.Unparen(x)
	var v *types.Var
	if id, ok := x.(*ast.Ident); ok {
		v, _ = k.info.ObjectOf(id).(*types.Var)
		if v == nil {
			return nil
		}
		x = nil
		for _, st := range slices.Backward(stmts) {
			as, ok := st.(*ast.AssignStmt)
			if !ok {
				if assigns(k.info, []ast.Stmt{st}, map[types.Object]bool{v: true}) {
					return nil
				}
				continue
			}
			if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				if assigns(k.info, []ast.Stmt{st}, map[types.Object]bool{v: true}) {
					return nil
				}
				continue
			}
			if id, ok := as.Lhs[0].(*ast.Ident); ok && k.info.ObjectOf(id) == v {
				x = ast.Unparen(as.Rhs[0])
				break
			}
		}
	}
	if call, ok := x.(*ast.CallExpr); ok {
		l := k.getter(sc, call)
		if l != nil {
			l.value = v
		}
		return l
	}
	ix, ok := x.(*ast.IndexExpr)
	if !ok {
		return nil
	}
	m, ok := underlying(k.info.TypeOf(ix.X)).(*types.Map)
	if !ok || !nilable(m.Elem()) {
		return nil
	}
	l := k.lookupOf(sc, ix.X, ix.Index)
	if l != nil {
		l.value = v
	}
	return l
}

// getter reads call, of a function of the package answering one value
// that can be nil, as a lookup when its body tests a cache and answers
// nil on a miss: `item, ok := c.items[k]; if !ok { return nil }; ...;
// return item.v`. What it answers past the test may still be nil (an
// entry found stale, deleted and refused): a miss all the same.
func (k *caches) getter(sc scope, call *ast.CallExpr) *lookup {
	sig, _ := k.info.TypeOf(call.Fun).(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 || !nilable(sig.Results().At(0).Type()) {
		return nil
	}
	body, callee := k.callee(sc, call)
	if body == nil {
		return nil
	}
	for i, st := range body.List {
		s, ok := st.(*ast.IfStmt)
		if !ok || s.Else != nil || len(s.Body.List) == 0 {
			if mayLeave(st) {
				return nil
			}
			continue
		}
		before := body.List[:i:i]
		if s.Init != nil {
			before = append(before, s.Init)
		}
		l, onHit := k.test(callee, s.Cond, before)
		if l == nil || onHit {
			if mayLeave(st) {
				return nil
			}
			continue
		}
		ret, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 || !isNil(k.info, ret.Results[0]) {
			return nil
		}
		l.value, l.test = nil, nil // the callee's, not the caller's
		return l
	}
	return nil
}

// Redis as a read-through cache: `val, err := rdb.Get(ctx, key).Bytes()`
// (or a function of the package answering (value, error) that does
// such a GET: `gw, err := GetGatewayMetaCache(ctx, id)`), tested `err
// == nil` on a hit, the miss querying and then SETting what it read
// (itself or through the package's functions, for a minute or more).
// Redis outlives the process: a cache it keeps, whatever the key (see
// keyOf). Keys are built by helpers on both sides, so they are not
// compared: a miss that sets some key is taken to keep what it read.

// redisCache is the cache term of Redis lookups and stores.
const redisCache = "redis"

var (
	redisGets = map[string]bool{"Get": true, "GetEx": true, "HGet": true, "HGetAll": true, "MGet": true, "HMGet": true}
	redisSets = map[string]bool{"Set": true, "SetEx": true, "SetEX": true, "SetNX": true, "HSet": true, "HMSet": true, "MSet": true}
)

// redisCall says whether call is a method of go-redis named in names.
func redisCall(info *types.Info, call *ast.CallExpr, names map[string]bool) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || !names[fn.Name()] {
		return false
	}
	switch p := fn.Pkg().Path(); {
	case p == "github.com/redis/go-redis/v9", p == "github.com/go-redis/redis",
		strings.HasPrefix(p, "github.com/go-redis/redis/v"):
		return true
	}
	return false
}

// redisLookup reads call, answering a value and an error, as a Redis
// GET: a reply's accessor on a GET (`rdb.Get(ctx, k).Bytes()`), or a
// function of the package whose body makes one.
func (k *caches) redisLookup(sc scope, call *ast.CallExpr) *lookup {
	sig, _ := k.info.TypeOf(call.Fun).(*types.Signature)
	if sig == nil || sig.Results().Len() != 2 || !types.Identical(sig.Results().At(1).Type(), errorType) {
		return nil
	}
	found := false
	if sel, _ := method(k.info, call); sel != nil {
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		found = ok && redisCall(k.info, inner, redisGets)
	} else {
		found = k.redisGetter(sc, call)
	}
	if !found {
		return nil
	}
	return &lookup{cache: redisCache, process: true}
}

// redisGetter reports whether call is of a function of the package
// whose body makes a Redis GET.
func (k *caches) redisGetter(sc scope, call *ast.CallExpr) bool {
	body, _ := k.callee(sc, call)
	if body == nil {
		return false
	}
	found, seen := k.getsRedis[body]
	if !seen {
		ast.Inspect(body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && redisCall(k.info, c, redisGets) {
				found = true
			}
			_, lit := n.(*ast.FuncLit)
			return !found && !lit
		})
		if k.getsRedis == nil {
			k.getsRedis = map[*ast.BlockStmt]bool{}
		}
		k.getsRedis[body] = found
	}
	return found
}

// mayLeave reports whether st may leave the block it is in before the
// statements after it: it returns, panics, jumps (goto, a labeled
// branch), or breaks or continues a loop around it.
func mayLeave(st ast.Stmt) bool {
	leaves := false
	var walk func(n ast.Node, inLoop, inSwitch bool)
	walk = func(n ast.Node, inLoop, inSwitch bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if leaves || m == nil || m == n {
				return !leaves
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				leaves = true
			case *ast.ExprStmt:
				if call, ok := m.X.(*ast.CallExpr); ok {
					if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
						leaves = true
					}
				}
			case *ast.BranchStmt:
				switch {
				case m.Label != nil, m.Tok == token.GOTO:
					leaves = true
				case m.Tok == token.CONTINUE && !inLoop, m.Tok == token.BREAK && !inLoop && !inSwitch:
					leaves = true
				}
			case *ast.ForStmt, *ast.RangeStmt:
				walk(m, true, inSwitch)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(m, inLoop, true)
				return false
			}
			return !leaves
		})
	}
	// A loop's or a switch's own break (and a loop's continue) stays in
	// it.
	switch st.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		walk(st, true, false)
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		walk(st, false, true)
	default:
		walk(st, false, false)
	}
	return leaves
}

// nilable reports whether nil is a value of type t.
func nilable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice, *types.Signature, *types.Chan:
		return true
	}
	return false
}

// valueSpec is the one spec of `var a, b = x` as a statement, nil for
// any other statement.
func valueSpec(st ast.Stmt) *ast.ValueSpec {
	ds, ok := st.(*ast.DeclStmt)
	if !ok {
		return nil
	}
	gd, ok := ds.Decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR || len(gd.Specs) != 1 {
		return nil
	}
	vs, _ := gd.Specs[0].(*ast.ValueSpec)
	return vs
}

var errorType = types.Universe.Lookup("error").Type()

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// method is the selector and signature of a call of a method, nil when
// the call is of no method.
func method(info *types.Info, call *ast.CallExpr) (*ast.SelectorExpr, *types.Signature) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil, nil
	}
	sig, _ := info.TypeOf(sel).(*types.Signature)
	if sig == nil {
		return nil, nil
	}
	return sel, sig
}

// lookupOf is a lookup of key in cache, when cache is a long-lived
// variable: a field or a package-level variable that outlives the call.
func (k *caches) lookupOf(sc scope, cache, key ast.Expr) *lookup {
	c, ok := k.cacheTerm(sc, cache)
	if !ok {
		return nil
	}
	kt, ok := k.render(sc, key)
	if !ok {
		return nil
	}
	v := varOf(k.info, cache)
	memo := v != nil && !v.IsField() && v.Parent() != v.Pkg().Scope()
	if memo && itemKey(sc, kt) {
		return nil // a memo by item: one query per item
	}
	l := &lookup{cache: c, key: kt, memo: memo, process: !memo && k.processLived(sc, cache)}
	if sc.env == nil {
		l.keyExpr = key
	}
	return l
}

// processLived says whether cache, a long-lived cache variable, is
// rooted in a package-level variable or in the receiver of the method
// walked (c.m, s.cache.users), not in a parameter, which the caller may
// have made for the one call.
func (k *caches) processLived(sc scope, cache ast.Expr) bool {
	root := ast.Unparen(cache)
	for {
		sel, ok := root.(*ast.SelectorExpr)
		if !ok {
			break
		}
		if id, isID := sel.X.(*ast.Ident); isID {
			if _, isPkg := k.info.Uses[id].(*types.PkgName); isPkg {
				return true // pkg.Cache
			}
		}
		root = ast.Unparen(sel.X)
	}
	id, ok := root.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := k.info.Uses[id].(*types.Var)
	switch {
	case !ok || v.Pkg() == nil:
		return false
	case v.Parent() == v.Pkg().Scope():
		return true
	case sc.env != nil:
		return sc.recv != nil && v == sc.recv && sc.env[v].lived
	}
	return sc.recv != nil && v == sc.recv
}

// cacheTerm spells cache when it is a long-lived cache variable, or a
// memo across the items of the loop around (see memo).
func (k *caches) cacheTerm(sc scope, cache ast.Expr) (string, bool) {
	v := varOf(k.info, cache)
	if v == nil || v.Pkg() == nil {
		return "", false
	}
	if !v.IsField() && v.Parent() != v.Pkg().Scope() {
		if id, isID := ast.Unparen(cache).(*ast.Ident); isID && k.memo(sc, v) {
			return id.Name, true
		}
		return "", false
	}
	t, ok := k.render(sc, cache)
	return t.text, ok && t.lived
}

// memo says whether v, a local of the function walked, is a memo across
// the items of the innermost loop around the block read: a map declared
// before the loop, which the loop's body never assigns anew. Its entries
// live as long as the loop: a key many items share (an item's group, not
// the item) is read once for them all. A map made in the body, or reset
// there, hits nothing.
func (k *caches) memo(sc scope, v *types.Var) bool {
	if sc.env != nil || len(sc.loops) == 0 {
		return false
	}
	if _, isMap := v.Type().Underlying().(*types.Map); !isMap {
		return false
	}
	loop := sc.loops[len(sc.loops)-1].Node
	if v.Pos() < sc.body.Pos() || v.Pos() >= loop.Pos() {
		return false // a parameter, or made in the loop
	}
	reset := false
	ast.Inspect(loop, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return !reset
		}
		for _, lhs := range as.Lhs {
			if id, isID := ast.Unparen(lhs).(*ast.Ident); isID && k.info.ObjectOf(id) == v {
				reset = true
			}
		}
		return !reset
	})
	return !reset
}

// itemKey says whether key is a variable of a loop around: each item
// its own key, so a memo by it hits only on a repeated item, which
// nothing leads to expect.
func itemKey(sc scope, key term) bool {
	for _, l := range sc.loops {
		if key.v != nil && slices.Contains(l.Vars, types.Object(key.v)) {
			return true
		}
	}
	return false
}

// holds reads a call as a test of a cache: a method answering a bool
// alone on a long-lived cache (lru's Contains(k)), or a function of the
// package answering such a test of its parameter (`func (s *S)
// loaded(k string) bool { _, ok := s.m[k]; return ok }`).
func (k *caches) holds(sc scope, call *ast.CallExpr) *lookup {
	sig, _ := k.info.TypeOf(call.Fun).(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return nil
	}
	if body, callee := k.callee(sc, call); body != nil {
		if l := k.answers(callee, body.List); l != nil {
			return l
		}
	}
	sel, _ := method(k.info, call)
	if sel == nil || len(call.Args) == 0 {
		return nil
	}
	return k.lookupOf(sc, sel.X, call.Args[len(call.Args)-1])
}

// answers reads the body of a function answering a bool as a test of a
// cache: `return ok` (or another test), or `if ok { return true };
// return false`, true on a hit.
func (k *caches) answers(sc scope, body []ast.Stmt) *lookup {
	if len(body) == 0 {
		return nil
	}
	ret, ok := body[len(body)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	var l *lookup
	last, isConst := boolConst(k.info, ret.Results[0])
	switch {
	case !isConst:
		var onHit bool
		if l, onHit = k.test(sc, ret.Results[0], body[:len(body)-1]); !onHit {
			return nil
		}
	case len(body) >= 2:
		s, isIf := body[len(body)-2].(*ast.IfStmt)
		if !isIf || s.Else != nil || len(s.Body.List) != 1 {
			return nil
		}
		r, isRet := s.Body.List[0].(*ast.ReturnStmt)
		if !isRet || len(r.Results) != 1 {
			return nil
		}
		first, isConst := boolConst(k.info, r.Results[0])
		if !isConst || first == last {
			return nil
		}
		before := body[: len(body)-2 : len(body)-2]
		if s.Init != nil {
			before = append(before, s.Init)
		}
		var onHit bool
		if l, onHit = k.test(sc, s.Cond, before); onHit != first {
			return nil
		}
	}
	if l != nil {
		l.value, l.test = nil, nil // the callee's, not the caller's
	}
	return l
}

func boolConst(info *types.Info, e ast.Expr) (value, ok bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// entryCheck says whether x checks the entry l found: it reads the
// value, and besides only the test's variable, the receiver and
// package-level names; and it keeps the entry no shorter than shortTTL.
func (k *caches) entryCheck(sc scope, x ast.Expr, l *lookup) bool {
	if l.value == nil {
		return false
	}
	reads, ok := false, true
	ast.Inspect(x, func(n ast.Node) bool {
		if e, isExpr := n.(ast.Expr); isExpr && k.info.Types[e].Value != nil {
			ok = ok && !shortConst(k.info, e)
			return false // a constant, as a whole
		}
		id, isID := n.(*ast.Ident)
		if !isID {
			return ok
		}
		switch v, isVar := k.info.Uses[id].(*types.Var); {
		case !isVar, v.IsField():
		case v == l.value:
			reads = true
		case v == l.test, v == sc.recv, v.Pkg() != nil && v.Parent() == v.Pkg().Scope():
		default:
			ok = false // a parameter or a local: the caller's bypass
		}
		return ok
	})
	return ok && reads
}

// shortConst says whether e is a constant time.Duration above zero and
// below shortTTL (zero and less are "no expiry" or "the default" in
// cache libraries).
func shortConst(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	if tv.Value == nil || !isDuration(tv.Type) {
		return false
	}
	d, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return ok && d > 0 && d < int64(shortTTL)
}

func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// callee is the body of the function of the package a call runs, with
// the scope its body is read in: its receiver and parameters as the
// caller spells them. A call of a func variable of the package runs the
// literal it holds, when that is the only value it is ever given (see
// funcVar). Nil past three calls deep.
func (k *caches) callee(sc scope, call *ast.CallExpr) (*ast.BlockStmt, scope) {
	if sc.depth >= 3 {
		return nil, scope{}
	}
	var (
		body *ast.BlockStmt
		sig  *types.Signature
	)
	if fn := typeutil.StaticCallee(k.info, call); fn != nil {
		decl := k.decl(fn)
		if decl == nil {
			return nil, scope{}
		}
		body, sig = decl.Body, fn.Origin().Type().(*types.Signature)
	} else if lit := k.funcVar(call.Fun); lit != nil {
		body, sig = lit.Body, k.info.TypeOf(lit).(*types.Signature)
	} else {
		return nil, scope{}
	}
	if sig.Variadic() {
		return nil, scope{}
	}
	callee := scope{recv: sig.Recv(), body: body, env: map[*types.Var]term{}, depth: sc.depth + 1}
	if sig.Recv() != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, scope{}
		}
		if t, ok := k.render(sc, sel.X); ok {
			callee.env[sig.Recv()] = t
		}
	}
	for i, arg := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		if t, ok := k.render(sc, arg); ok {
			callee.env[sig.Params().At(i)] = t
		}
	}
	return body, callee
}

// funcVar is the literal a call of fun runs when fun is an unexported
// package-level variable of the package whose declaration gives it that
// literal and which nothing else writes: no assignment, no address taken
// (another package cannot name it). Nil otherwise: a variable assigned
// again may hold anything when called (a hook a test or a flag swaps).
func (k *caches) funcVar(fun ast.Expr) *ast.FuncLit {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := k.info.Uses[id].(*types.Var)
	if v == nil || v.Exported() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	if k.funcVars == nil {
		k.funcVars = k.onlyLiterals()
	}
	return k.funcVars[v]
}

// onlyLiterals indexes the unexported package-level variables of the
// package declared with a func literal and written nowhere else.
func (k *caches) onlyLiterals() map[*types.Var]*ast.FuncLit {
	out := map[*types.Var]*ast.FuncLit{}
	written := map[*types.Var]bool{}
	for v, value := range VarValues(k.info, k.files) {
		if lit, ok := ast.Unparen(value).(*ast.FuncLit); ok && !v.Exported() {
			out[v] = lit
		}
	}
	for _, f := range k.files {
		ast.Inspect(f, func(n ast.Node) bool {
			var targets []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				targets = n.Lhs
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					targets = []ast.Expr{n.X}
				}
			case *ast.RangeStmt:
				targets = []ast.Expr{n.Key, n.Value}
			}
			for _, t := range targets {
				if id, ok := ast.Unparen(t).(*ast.Ident); ok {
					if v, ok := k.info.Uses[id].(*types.Var); ok {
						written[v] = true
					}
				}
			}
			return true
		})
	}
	for v := range written {
		delete(out, v)
	}
	return out
}

// VarValues yields the package-level variables files declare with a
// value, and that value.
func VarValues(info *types.Info, files []*ast.File) iter.Seq2[*types.Var, ast.Expr] {
	return func(yield func(*types.Var, ast.Expr) bool) {
		for _, f := range files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, name := range vs.Names {
						if v, ok := info.Defs[name].(*types.Var); ok && !yield(v, vs.Values[i]) {
							return
						}
					}
				}
			}
		}
	}
}

// dedupeLoader is the loader literal a call of a dedupe group's Do is
// handed, shaped like singleflight.Group's: a method taking a key and a
// func() (V, error) and answering (V, error, bool). It runs during the
// call for the first caller of a key, the concurrent ones sharing its
// result. A group alone keeps nothing: the next call runs the loader
// again; what the loader stores is what a lookup before it may hit.
func dedupeLoader(info *types.Info, call *ast.CallExpr) *ast.FuncLit {
	sel, sig := method(info, call)
	if sel == nil || sig.Params().Len() != 2 || len(call.Args) != 2 || sig.Results().Len() != 3 {
		return nil
	}
	r := sig.Results()
	if !types.Identical(r.At(1).Type(), errorType) || !isBool(r.At(2).Type()) {
		return nil
	}
	if _, isFunc := sig.Params().At(0).Type().Underlying().(*types.Signature); isFunc {
		return nil
	}
	ls, _ := sig.Params().At(1).Type().Underlying().(*types.Signature)
	if ls == nil || ls.Params().Len() != 0 || ls.Results().Len() != 2 ||
		!types.Identical(ls.Results().At(0).Type(), r.At(0).Type()) || !types.Identical(ls.Results().At(1).Type(), errorType) {
		return nil
	}
	lit, _ := ast.Unparen(call.Args[1]).(*ast.FuncLit)
	return lit
}

// render spells e as the function walked does. In a callee, only its
// receiver, its parameters, package-level names and constants spell; in
// the function walked, anything does.
func (k *caches) render(sc scope, e ast.Expr) (term, bool) {
	e = ast.Unparen(e)
	tv := k.info.Types[e]
	computed := tv.Value == nil && !tv.IsNil()
	switch e := e.(type) {
	case *ast.Ident:
		obj := k.info.ObjectOf(e)
		v, isVar := obj.(*types.Var)
		switch {
		case !isVar:
			return term{e.Name, true, computed, []types.Object{obj}, nil}, true // a constant, nil, a function
		case v.Pkg() != nil && v.Parent() == v.Pkg().Scope():
			return term{e.Name, true, true, []types.Object{v}, nil}, true
		case sc.env != nil:
			t, ok := sc.env[v]
			return t, ok
		}
		local := v.Pos() >= sc.body.Pos() && v.Pos() < sc.body.End()
		return term{e.Name, !local, true, []types.Object{v}, v}, true
	case *ast.SelectorExpr:
		if id, ok := e.X.(*ast.Ident); ok {
			if _, isPkg := k.info.Uses[id].(*types.PkgName); isPkg {
				return term{types.ExprString(e), true, computed, []types.Object{k.info.Uses[e.Sel]}, nil}, true
			}
		}
		x, ok := k.render(sc, e.X)
		if !ok {
			return term{}, false
		}
		return term{x.text + "." + e.Sel.Name, x.lived, computed, x.vars, nil}, true
	case *ast.BasicLit:
		return term{e.Value, true, false, nil, nil}, true
	}
	if sc.env != nil {
		return term{}, false
	}
	var vars []types.Object
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			vars = append(vars, k.info.ObjectOf(id))
		}
		return true
	})
	return term{types.ExprString(e), false, computed, vars, nil}, true
}

// stores lists what stmts put in long-lived caches, itself or in the
// functions of the package it calls (not in closures or goroutines,
// which may run later).
func (k *caches) stores(sc scope, stmts []ast.Stmt, out []store) []store {
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.GoStmt:
				return false
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					break
				}
				for i, lhs := range n.Lhs {
					ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
					if !ok {
						continue
					}
					if _, isMap := underlying(k.info.TypeOf(ix.X)).(*types.Map); !isMap {
						continue
					}
					if s, ok := k.store(sc, ix.X, []ast.Expr{ix.Index, n.Rhs[i]}); ok {
						out = append(out, s)
					}
				}
			case *ast.CallExpr:
				// A method of a cache (a type of the package or not)
				// stores, and what the package's functions store is
				// read from their bodies, and from the literals a func
				// variable of the package only ever holds.
				if sel, _ := method(k.info, n); sel != nil && len(n.Args) >= 2 {
					if s, ok := k.store(sc, sel.X, n.Args); ok {
						out = append(out, s)
					}
				}
				if redisCall(k.info, n, redisSets) {
					s := store{cache: redisCache, kept: true}
					for _, arg := range n.Args {
						s.short = s.short || isDuration(k.info.TypeOf(arg)) && shortConst(k.info, arg)
					}
					out = append(out, s)
				}
				if body, callee := k.callee(sc, n); body != nil && k.budget > 0 {
					k.budget--
					out = k.stores(callee, body.List, out)
				}
				// A dedupe group's loader runs during the call (for the
				// first caller, whose run the others share).
				if lit := dedupeLoader(k.info, n); lit != nil {
					out = k.stores(sc, lit.Body.List, out)
				}
			}
			return true
		})
	}
	return out
}

// store is what putting args in cache keeps, when cache is a long-lived
// variable.
func (k *caches) store(sc scope, cache ast.Expr, args []ast.Expr) (store, bool) {
	c, ok := k.cacheTerm(sc, cache)
	if !ok {
		return store{}, false
	}
	s := store{cache: c}
	for i, arg := range args {
		t, ok := k.render(sc, arg)
		if !ok { // a local of a callee: computed, spelled nowhere else
			t = term{computed: true}
		}
		if isDuration(k.info.TypeOf(arg)) {
			s.short = s.short || shortConst(k.info, arg)
			t.computed = false // a time to live, not the value
		}
		s.args = append(s.args, t)
		if i > 0 && t.computed {
			s.kept = true
		}
	}
	s.kept = s.kept && holdsData(k.info.TypeOf(cache))
	return s, true
}

// holdsData says whether a variable of type t is a cache: a map, or a
// type with a method answering (value, bool) for a key.
func holdsData(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Map); ok {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	for m := range ms.Methods() {
		sig := m.Type().(*types.Signature)
		if sig.Params().Len() > 0 && sig.Results().Len() == 2 && isBool(sig.Results().At(1).Type()) {
			return true
		}
	}
	return false
}

// filledBy says whether the stores of a miss fill the cache l looks up:
// a value computed kept under the key, for a minute or more; or the key
// marked (a constant stored under it, a set of flags) and a value
// computed kept in another long-lived cache.
func (l *lookup) filledBy(stores []store) bool {
	if l.cache == ctxCache {
		return true // the package puts it there (see ctxvalue.go)
	}
	if l.cache == redisCache {
		// Keys built by helpers on either side are not compared: a
		// SET of the miss, for long enough, keeps what it read.
		return slices.ContainsFunc(stores, func(s store) bool { return s.cache == redisCache && !s.short })
	}
	marked, kept := false, false
	for _, s := range stores {
		if s.short {
			continue
		}
		if at := l.keyAt(s); at >= 0 {
			if slices.ContainsFunc(s.args[at+1:], func(t term) bool { return t.computed && t.text != l.key.text }) {
				return true
			}
			marked = true
			continue
		}
		kept = kept || s.kept
	}
	// A memo of flags across a loop's items (`if done[job.Cluster] {
	// continue }; ...; done[job.Cluster] = true`): marking the key is what
	// it keeps, the work done once per key the items share.
	return marked && (kept || l.memo && l.flags)
}

// filledByLoaded says whether a store of the miss keeps, in l's cache,
// a value under a field of its own (`m[g.ID] = g`) that the miss loaded
// by a call taking l's key (`g, err = load(ctx, k)`): the value's key is
// the one looked up.
func (k *caches) filledByLoaded(sc scope, l *lookup, stores []store, miss []ast.Stmt) bool {
	for _, s := range stores {
		if s.cache != l.cache || s.short || len(s.args) < 2 {
			continue
		}
		key, value := s.args[0], s.args[1]
		if value.v == nil || len(key.vars) != 1 || key.vars[0] != value.v || !strings.HasPrefix(key.text, value.text+".") {
			continue
		}
		if k.loadedFor(sc, miss, value.v, l.key) {
			return true
		}
	}
	return false
}

// loadedFor says whether stmts assign v the result of a call one of
// whose arguments is key.
func (k *caches) loadedFor(sc scope, stmts []ast.Stmt, v *types.Var, key term) bool {
	found := false
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if lit := dedupeLoader(k.info, n); lit != nil && k.loadedFor(sc, lit.Body.List, v, key) {
					found = true
				}
			case *ast.AssignStmt:
				// v = load(k), or v, err := load(k) declaring it.
				if len(n.Rhs) != 1 || !slices.ContainsFunc(n.Lhs, func(e ast.Expr) bool {
					id, isID := e.(*ast.Ident)
					return isID && k.info.ObjectOf(id) == v || varOf(k.info, e) == v
				}) {
					break
				}
				call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
				if !ok {
					break
				}
				for _, arg := range call.Args {
					if t, ok := k.render(sc, arg); ok && t.same(key) {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

// keyAt is where a store into l's cache takes l's key, -1 when it is a
// store elsewhere.
func (l *lookup) keyAt(s store) int {
	if s.cache != l.cache {
		return -1
	}
	return slices.IndexFunc(s.args, func(t term) bool { return t.same(l.key) })
}

// storedVars are the variables of the function walked whose values
// stores keep: after l's key in its cache, after the first argument
// elsewhere.
func (l *lookup) storedVars(stores []store) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	for _, s := range stores {
		at := max(l.keyAt(s), 0)
		for _, t := range s.args[at+1:] {
			if t.v != nil {
				out[t.v] = true
			}
		}
	}
	return out
}

// decl is the declaration of fn, a function of the package with a body;
// nil for others.
func (k *caches) decl(fn *types.Func) *ast.FuncDecl {
	if k.decls == nil {
		k.decls = map[*types.Func]*ast.FuncDecl{}
		for _, f := range k.files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if fn, ok := k.info.Defs[fd.Name].(*types.Func); ok {
						k.decls[fn] = fd
					}
				}
			}
		}
	}
	return k.decls[fn.Origin()]
}
