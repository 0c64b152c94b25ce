// Package queryinloop defines an Analyzer that reports queries run once per
// item of a loop (N+1 queries), directly or through calls in any package.
//
// # Analyzer queryinloop
//
// queryinloop: report queries executed once per item of a loop (N+1)
//
// A query inside a loop over data costs one round trip per item: 100 orders
// make 101 queries, each paying network latency, parsing and planning, and a
// connection from the pool. It is the most common reason a page that was
// fast in development is slow in production, and it grows with the data.
//
//	orders, _ := store.Orders(ctx, customerID)
//	for _, o := range orders {
//		items, _ := store.OrderItems(ctx, o.ID) // one query per order
//		...
//	}
//
// Fetch everything in one query before the loop and group it in Go:
//
//	items, _ := store.ItemsForOrders(ctx, orderIDs) // WHERE order_id = ANY($1)
//
// or let the database join. Writes in a loop (INSERT/UPDATE/DELETE per
// item) are reported as their own, lower-severity kind.
//
// A finding's message is one line: what runs, how often, what it costs
// ("SELECT from tags runs once per item of items: n round trips instead
// of 1"). Its fix is written for the statement: rows inserted at once for
// an INSERT, `WHERE id = ANY($1)` for an UPDATE or DELETE of one key, one
// query for all the keys for a read; in the terms of what runs it (gorm's
// Create(&rows) and Preload, bun's Model(&rows) and Bulk, a query of
// sqlc's query file, a pgx.Batch) and of the dialect the program's
// drivers say (MySQL has no arrays, SQLite takes a list as JSON). A
// callee or statement that takes a list already is told to be called
// once with all the items. A call that passes nothing the loop makes
// anew per item — its function, receiver and arguments made before the
// loop, and the loop's body changing no field, package variable or
// value the call is handed (see sameEachItem) — runs the same statement
// with the same arguments for every item: its fix is to hoist it out of
// the loop and run it once.
//
// The check follows calls: a loop in package api around
// store.(*Store).OrderItems is reported because the store function's
// query summary travels as a fact, through any number of calls and
// packages, and a store function that itself loops makes the finding
// nested (n×m queries). What a callee runs is counted for one call, along
// one path through it, as the standalone driver's program graph sees it:
// a dispatcher over kinds runs one case ("runs one of 3 statements"), a
// callee whose branches differ runs "up to" its costliest path, the
// implementations of an interface (one per SQL dialect) run one of them,
// a recursion one level (its loop) — a recursive walk's call of itself
// per child is reported "recursively", its loop being the recursion's,
// not one more; under go vet, the summary counts
// every statement the callee reaches. A query run while iterating
// another query's rows.Next() is reported with the open result set,
// which also holds a connection for the whole loop.
//
// An ORM that loops by itself is reported where it is asked to: pop's
// Eager before All (`c.Eager("Addresses").All(&identities)`) loads each
// association with one query per row read, where EagerPreload sends one
// per association (`WHERE identity_id IN (...)`). First, Find and Last
// read one row, a fixed number of queries, and are silent; EagerPreload
// and gorm's Preload are too. Inside a loop, the loop's finding covers
// it, its fix naming EagerPreload.
//
// The analyzer is silent for loops whose count does not grow with data:
// service loops (`for {}` or `for ctx.Err() == nil` around a select, a
// ticker, a sleep or a channel receive), loops starting a pool of
// workers (the same function on n goroutines, handed nothing of its own
// per item: `for i := 0; i < cfg.Workers; i++ { g.Go(s.work) }`, by a go
// statement, errgroup's, sync.WaitGroup's or conc's Go, or the module's
// own wrapper of one; the workers split one input, and what each runs
// per call, a flush when its context ends, runs once per worker), retry
// loops that leave on success, drains (a counting loop that calls the
// same function with the same arguments on every pass and leaves when a
// result is at most one of its arguments, or zero: `n, err :=
// seal(ctx, cutoff, size); if n < size { break }`, `if n == 0 { return
// }` after a batched DELETE ... LIMIT 500 — one statement per batch, the
// bound only capping a tick's work),
// loops over a small fixed set (a constant bound, a constant-size array, a
// slice literal — also in a package-level variable nothing assigns, in
// any package, or in a local set only to literals or appended items
// written out, none in a loop: `c := []string{a, b}; if hint { c =
// []string{b, a} }` — the keys of a map literal or of a local map whose
// keys are put written out (`m["os"] = goos`, none in a loop, the map
// handed to no function before the loop), a list checked against a
// constant of at most 10 before the loop on every path to it, by
// `if len(x) > 5 { return ... }` or a validator's error given len(x) and
// constant bounds, a struct field some function of its package (or of
// the loop's) turns down with an error past such a constant (`if
// len(b.Variations) > 8 { return errTooMany }` in Broadcast.Validate
// bounds every loop over b.Variations), the rows of a query with a constant LIMIT of at most
// 10 — a work queue's batch — or the files of an embedded file system; a
// page of 50 looked up one by one is the N+1 itself), loops over the
// command line's arguments (os.Args, flag.Args()) or over configuration
// (a field read from a yaml, toml or environment setting, a list split
// from an environment variable, a viper or koanf setting, or a count up
// to one, i < cfg.Workers: as many items as an operator writes),
// loops over functions (a run group's actors, lifecycle hooks, records
// of a function and its label such as reloadHandler{name, handler}: as
// many as the code registers, each different code; a list of closures made one
// per item in a loop is data) and calls of each element's method in a
// loop over interface values (notifiers, scrobblers, middlewares: each
// implementation's code, once; also through a type switch on the
// element, `switch s := s.(type) { case Hydrator: s.Populate(f) }`; a
// list made one per item in the loop's
// function, or handed in as a parameter, may be data and is not
// silenced), and chunked loops that send a whole chunk
// per statement (a loop stepping its index by a batch size, `i += 500`
// or `lb += BatchSize` as the last statement of `for lb < size`, with the
// chunk sliced from the index, ids[lb:ub]; a body run `if i%size == 0` on ids[i:end];
// a batch the loop appends to, sent under `if len(batch) >= size` — a
// size above one or set outside the loop — as the call's argument or by
// a closure over it (`flush()`); or the chunk — a range over slices.Chunk or
// a [][]T — passed as the argument of ANY($1), or what the loop's body
// builds from it: a filter holding it, arguments or a builder's rows
// filled from its items, or a query builder's chain taking it whole,
// `db.In("id", ids).Find(&rows)` for each group ids of a map, or a
// request reused for every chunk, `req.IDs = ids[i:end]; send(req)`) —
// but a loop over chunks that looks each item up is reported (a loop
// stepping its index by a batch size that hands each batch to a function
// looping over its items is not: that function's loop is reported, where
// it loops), and so is a loop
// over records whose elements are one row's values (`rec[0], rec[1]` of
// a [][]string read from a CSV file: one statement per record). It is
// silent for a loop over the excess of a list past a limit the code
// keeps: a loop over the tail from a setting of the configuration (a
// field read from a configuration file, as above),
// `for i := k; i < len(s); i++` reading s[i] or `range s[k:]`, under an
// if comparing len(s) with the same bound (k, or k plus or minus a
// constant) or after an early return on one — `if len(sessions) >=
// cfg.Limit { for i := cfg.Limit - 1; i < len(sessions); i++ {
// del(sessions[i]) } }` trims what each insert puts over the limit, one
// item amortized; a tail from a constant (`i := 1`, a header skipped),
// from an offset with no test of the length against it, or from one that
// is no setting (`if offset >= len(s) { return }; range s[offset:]`:
// paging in memory), stays reported.
// It is silent for a call through a table of functions indexed by the
// loop's item, `handler[table](param{table: table, cfg: cfg})`, the map
// a package-level variable defined with a literal that is not empty, and
// the arguments the item or what the loop does not change: the switch on
// the item written as a table, each key's function once per key given
// (an index, a call's result or a value the body writes again among the
// arguments, or a key that is a field of the item, `apply[ev.Kind](ev)`,
// stays reported).
// A loop whose query takes what the previous iteration
// left — a walk up a tree (id = parent), a page's offset or the last
// key read (`&Page{Offset: (page-1)*size}`, after = rows[n-1].ID, or
// a resumable scan's state.cursor = last; for an ORM chain, what the
// statements building its receiver pass, `q := db.Where("kind = ?", k);
// q = q.Where("id > ?", start); q.Limit(n).Find(&page)`) — is
// one query per step of a chain or per page, not per item: a page is the
// batch itself; a lookup per row of each page is the N+1 and is reported.
// A loop whose item is the statement itself (`for _, stmt := range
// strings.Split(script, ";") { db.Exec(stmt) }`, or a field of the item,
// `db.Exec(step.SQL)`) runs a script, each statement its own, not one
// statement once per item; text built around the item (`"DELETE ...
// WHERE id = " + id`) is one statement per item and is reported.
// It is silent where the query runs at most once however long the loop:
// the body returns or breaks right after it (`if match { q(); break }`,
// or `continue outer` out of an inner loop), the loop tries candidates
// in order and leaves at the first that answers (the call's results
// tested for success alone — `if err == nil { return v }`, `if p !=
// nil { break }`, `if len(ids) > 0 { return ids }`, found, or an error
// list of the answer found empty (`len(a.Errors()) == 0`, or a predicate
// of the package that says a list is empty) — with a return or a break,
// or `if err != nil { ... } else { return }`; also after the switch or
// if whose branches each try one way and assign the same results, which
// nothing after the call sets again), or retries only after one
// error (an optimistic lock's version conflict: `if !errors.Is(err,
// ErrConflict) { break }`, `if err != ErrConflict { return err }`);
// leaving on failure, or on a property of what was found, goes through
// every item), the loop is one of attempts at one piece of work (a
// counting loop whose counter is only compared, logged — `log.Printf`,
// a field handed to a logger's call that answers nothing — or slept on,
// never an index nor an argument of a call whose answer is used, and
// whose body goes round again only past a test that the attempt failed,
// of what its calls answered: an error, no value, `!ok`, or the same
// read (one function, the same arguments) made twice disagreeing with
// itself, `pre, _ := get(id); op(pre); post, _ := get(id); if pre.Token
// == post.Token { break }`; a break on error alone, a poll with no way
// out but the bound, or two different reads compared — get(id) and
// get(next) too — go on after a success and are reported), it runs only
// for the items equal to a constant and reads
// nothing of the item (`switch e { case ExpandAddresses: loadAll(ids) }`
// over a list of options, also through a conversion: `if
// int(code.(float64)) == 2 { leaderOf(owner) }`), a local declared before the loop lets it run
// once (a flag, `if !done { q(); done = true }`, or a lazy
// initialisation, `if cur == nil { cur, err = s.Open(ctx) }`, also `if
// cur == nil && p.Prefix`: the call runs until it answers; a variable
// declared in the loop, a test of another variable, a call whose result
// goes elsewhere, or a reset later in the loop, `cur = nil` or `done =
// false`, runs it again and is reported; a fill in the if's else
// branch, `else { cur, err = s.Open(ctx, last) }`, does not unset it),
// the call is in a branch of a bool parameter the function already left
// on (`if dryRun { return preview }` above `if dryRun && len(kids) > 0 {
// for ... }`: it never runs; a parameter the function assigns is not
// read so), or the callee queries only
// to mend a failed attempt before it tries the same request again by
// calling itself — a client's request refreshing an expired session and
// saving the new token, `if expired(res) { if err := c.refresh(); err !=
// nil { return nil, err }; return c.request(url, method, resp, family...)
// }`: a branch ending in a call of its own function on the same
// receiver whose arguments are its parameters in place (never assigned),
// constants (a retry flag: `return c.call(url, true)`) or its variadic
// parameter passed on, or the cases of a switch on the failure's code
// (the branches of an if with an else) that mend and go on to such a
// retry right after it, when a default case (the else) or another case
// returns, or a branch testing what the call just before it answered
// that ends by making that same call again (`data, err := d.post(url);
// if err == ErrExpired { d.login(); return d.post(url) }`); the
// refresh may ask through the same request (request and
// login calling each other: the login's save is once from request); a
// branch going on with another argument (`return walk(n.Next)`, the
// next page) is recursion over data and is reported, and so are a
// query before the branch and a failure written down and not retried
// (`if err != nil { logFailure(item) }`) —, or the callee only fills a
// cache once (in sync.Once's Do, under `if s.cache == nil { s.cache =
// load() }` on a field or a package-level variable — also `if
// config.RootEmail == "" { config.RootEmail = lookup() }` — or after `if c :=
// p.Load(); c != nil { return c }` with a later `p.Store(c)` of a
// sync/atomic Pointer or Value; `if err == nil {
// ... }` goes on while nothing failed), or queries only on the miss of a
// keyed cache that outlives the call — `if v, ok := s.cache.Load(k); ok
// { return v }` (sync.Map, or any method answering (value, bool), as
// go-cache's, lru's or ristretto's Get), `v, ok := s.m[k]`, `if v, err :=
// s.cache.Get(k); err == nil` (a cache answering (value, error)), `if
// !s.lru.Contains(k)`, a map of flags (`if s.loaded[k]`), or a function of
// the package answering one of these (`if !s.IsLoaded(k) { s.load(k) }`)
// or a getter of it answering nil on a miss (`if v := c.get(k); v != nil`),
// or Redis (`v, err := rdb.Get(ctx, k).Bytes(); if err == nil`, or a
// function of the package making that GET, the miss SETting a key), or
// a client decoding into what it is handed (`err := c.Get(ctx, k, &v)`,
// or a function of the package decoding a Redis GET so; a hit that
// returns once the entry decodes, `if err := json.Unmarshal(b, &v); err
// == nil { return v }`, is a hit),
// or the request's context by a key the package gives context.WithValue
// (`if u, ok := ctx.Value(userKey{}).(*User); ok { return u }`: its
// middleware put the value there, and every call of the request hits),
// on a field or a package-level variable, the miss storing what it
// computed under the same key (itself or in a function of the package it
// calls with the key), or marking the key loaded and keeping what it read
// in another such cache: each key is read once for as long as the
// process runs. A cache the process keeps (a package-level variable, a
// field of the method's receiver) is left out whatever the key: once
// warm, every item hits, and only a cold start pays the round trips. A
// cache the function is handed (a field of a parameter, which its caller
// may make for one pass) saves round trips in the loop only when the key
// repeats across its items: a constant (a setting read by its name,
// however many calls down), or a value made before the loop; a key the
// loop makes anew per item (its variable, a value built from it, one
// carried from one item to the next) misses on every item, and the call
// stays reported. The key is traced from the cache up the calls to the
// loop, through the argument each call passes the parameter it is
// computed from (queries.Flow). A second condition may check the entry found (`ok && v
// != nil`, `!ok || time.Since(e.at) > time.Hour`). The lookup may be
// made only once the key is whole (`if version != "" { v, found =
// r.cache.Get(key) }`, a caching decorator over a store), and the key
// written out again at the store, the same expression of the same
// variables, none assigned on the way but by the load of the value
// stored, handed that part (`def, version, err = r.delegate.Read(ctx,
// id, version)`: it answers the version it read, for a version given
// that one). The value loaded may be stored under a field of its own
// (`m[g.ID] = g` after `g, err = load(ctx, it.GroupID)`). A map made in
// the function before a loop, and never made anew in it, is a memo for
// the loop's items: looked up by what many items share (`memo[it.GroupID]`,
// an item's group), it reads each once — so does a map of flags marking
// the keys done, the hit going on to the next item (`if
// done[job.Cluster] { continue }; ...; done[job.Cluster] = true`, the
// mark whatever the work did, not only on success); looked
// up by the loop's own
// variable (`memo[id]` in `for _, id := range ids`), each item is another
// key, and it is reported, as is a map made in the loop or in a function
// the loop calls (a memo per call); a hit that goes on, a cache the miss
// does not fill with its result, a set of seen keys that keeps nothing,
// a key rewritten between the lookup and the store, a lookup skipped for
// another reason than its key, a bypass the caller passes (`ok &&
// !skipCache`) and a switch that may be off (`ok && s.enabled`, the
// lookup inside `if s.cache != nil` or after `if !s.enabled { return
// q() }`: an optional cache is often the very workaround for the loop,
// and off by default) query anyway; so does a cache whose entries live
// less than a minute, written as a constant (`Set(k, v, 10*time.Second)`):
// an entry colder than the time from one page load to the next is a miss
// for most requests. So is a query run only while a whole snapshot a
// long-lived owner holds is absent, when the function otherwise searches
// it in memory: `all, _ := app.Store().Get(keyAll).([]*T); if all == nil
// { return app.Find(name) }; for _, t := range all { ... }` (or a field,
// a package-level variable, tested `== nil`, `len(...) == 0` or `!ok`),
// the package loading it elsewhere (assigning the field, setting the
// store's constant key): the fallback runs until the snapshot is loaded,
// not per call. A snapshot nothing in the package loads, a parameter, a
// list the call makes, or one value under a key (not a collection
// searched) stay reported. So is a query a cache's loader runs:
// `c.GetOrSet(k, func() (V, error) { ... })` or `c.Get(k, func(K) (V,
// error) { ... })`, a call taking a key and a loader and answering the
// loader's value and an error, whoever declares it (a library, the
// module's own cache, a typed wrapper handing its caller's loader on):
// its reads run on a miss only (a loader taking nothing must read a
// variable the key is computed from). A loader that writes, singleflight's
// Do (it merges only the calls that overlap: the next one runs again),
// a transaction's body (`WithTx(ctx, func(tx) error)`), a retry helper's
// or an errgroup's function, a span's (`t.Span(ctx, op, fn)`, its name
// nothing the work reads) stay reported. The standalone driver counts
// the loops it leaves out so in stats.cache_fill_findings. So is a
// query in a branch taken only when a call made before it in the same
// function failed (`it, err := s.Get(ctx, id); if err != nil {
// s.MarkFailed(ctx, id); continue }`, the else of `err == nil`, or
// `err != nil || created < 1` after an insert that added no row), or
// under such a branch in a function the loop calls: it runs for the
// failed items only; so is a loop within the branch (a batch sent again
// statement by statement when it failed, to find the bad ones), which
// in the normal case does not run at all, and a loop in an unexported
// function every call of which is in such a branch and whose name is
// never taken as a value (retryRowByRow(rows) after the batch's insert
// failed). A test telling one failure from another
// (errors.Is(err, ErrNotFound), err == ErrMissing, IsNotFound(err), a
// switch on the error) counts again inside it: a get-or-create creates
// per item. Not so when the call that failed is another service's (a
// package of another module, the standard library's included, that
// imports no database package: a push service's client) and the branch
// where the test holds runs DELETEs only (`if errors.Is(err,
// push.ErrUnregistered) { devices.Delete(token) }`, also outside an `if
// err != nil`): each item the service turned down is deleted once,
// ever. An UPDATE marking it (the row stays, and the next run meets it
// again), an INSERT, an else or a negated test (run on success too), a
// not-found from the module's own store or from another module's on a
// database count. An error the function was handed is not one of its
// calls' and counts. An error is error, or an interface of the program's
// that is an error with more methods (`type Error interface { error;
// Code() int }`, returned in its place). The standalone driver counts
// these in stats.error_path_findings. So is a write that runs only for
// what changed: a sync copying each field that differs from its source
// into a record it was handed or ranges over, and writing the record
// when one did (`if r.Phone != c.Phone { c.Phone = r.Phone; changed =
// true }; ...; if changed { repo.Update(ctx, c) }`, the flag a local
// that starts false, declared in the loop's body when the test is, and
// set only so; or the write in that if's own body), and what follows a
// skip of the records already in the state a later statement of the
// same block gives them (`if inv.Meta["done"] == true { continue }; ...;
// inv.Meta["done"] = true; save(inv)`, `if d.Locked == locked { return
// nil }; d.Locked = locked; ...`): a pass over rows in step writes
// nothing, and each record is done once. A flag set on what a request
// asks (`if p.Name != nil`), a test without the copy, a copy into a
// local of the function's own (`if last != k { last = k; save(k) }`: a
// walk over distinct keys, still per item), a flag declared outside the
// loop, or a skip a parameter can turn off (`if !force && inv.Done`)
// stay reported. The standalone driver counts these in
// stats.changed_only_findings. A
// loop over a list of statements, each run once (`steps[i]` in a loop
// over i, as `for _, q := range steps`), is a migration runner's, not an
// N+1; so is a loop that formats its item into a name of the statement
// — a table, a schema, a column, a function (`fmt.Sprintf("DELETE FROM
// %s WHERE tenant_id = $1", table)`, `"... FROM events_%d"`, `"... WHERE
// %s IS NULL"`, from the loop's variable, a field of it or a value the
// body derives from it): each item is another statement, and no one
// query with all the items replaces them. Where the item lands is the
// SQL parser's to say: in a value (`WHERE id = %d`, `'%s'`, `IN (%s)`,
// or a word compared with a column, `id = %s`) every item runs the same
// statement with other constants, which is the N+1 and is reported; a
// number formatted where a column could stand is a value too. A
// statement picked per item from a table or a switch (`queries[kind]`,
// a case per type) is still reported: each statement runs once per item
// of its kind.
// Also for pgx Batch.Queue (not a round trip; SendBatch after the loop is
// one), a row handed to a bulk copy (stmt.Exec(row...) on a statement
// prepared from lib/pq's or go-mssqldb's CopyIn: buffered; the Exec with
// no row after the loop sends them), DDL (migration runners; also a statement known only in part whose
// constant head starts with CREATE, ALTER, DROP, COMMENT, GRANT, REVOKE
// or TRUNCATE: `"CREATE TABLE " + pgx.Identifier{name}.Sanitize() + ...`
// in a loop over partitions at start-up), main and init, handler closures that are
// only registered in a loop, test code (_test.go files, and functions
// outside them that take a *testing.T, *testing.B, *testing.F or
// testing.TB: a shared conformance suite, a benchmark's b.N loop, a
// fixture, with the closures in them, and the packages of a benchmark's
// harness, by an element of their import path: bench, benchmark(s),
// loadtest, stresstest), code whose names say it makes
// demo, seed or fixture data or sets a database up (a word of its
// file's, function's or receiver type's name is seed, demo, fixture,
// fake or initdb, or two in a row are init and db: SeedUsers,
// demo_service.go, (*DemoService).addContacts, InitDB, sys_initdb.go —
// one table or row at a time by design, once, even when an installer's
// or an admin's demo-reset route runs it; the package's path is not
// asked, so a demo application is checked like any other), and
// generated files (those
// with the "Code generated ... DO NOT EDIT." line): a generator's loop
// over a list argument is rewritten on the next generation, and the
// hand-written code it calls is reported where it loops itself.
//
// Under go vet and golangci-lint, calls through interfaces are followed
// only where the interface is a database handle (such as sqlc's DBTX),
// and migrations are known by their names (migrat*). The standalone
// driver builds the whole program's call graph: a loop reaching a query
// at any depth, through interfaces, func values and fields, is reported
// once, at the loop's call, with each implementation's query, counting
// what one call runs on one path (one case of a switch, one
// implementation) and naming first a query every call runs; and what a
// migration, a test-support package or start-up code runs is known by
// what the program does, not by names (see the README). There, a loop
// over a parameter is silent when every call in the program passes it a
// few items (at most 10): a literal (`[]string{provider}`), variadic
// arguments written out, a list the caller built of literals and appends
// written out, none in a loop (a map: and keys put written out), the keys
// of a set whose every key is a constant or an item of a package-level
// table nothing in the program changes (the partitions of the sections a
// command names: slices.Collect(maps.Keys(set)), however many sections),
// a list the caller builds with one item per item of a parameter of its
// own that its callers pass so (a check per permission of `perms
// ...string`, each caller writing out one or two), the words typed
// after a cobra command's name (its run function's `args`), or a
// parameter of its own that its callers pass so — a slice literal one
// call away, also handed through a function that returns the list it
// was given, filled or filtered in place (`alerts = fill(alerts, ds)`,
// `return list[:n]`),
// through interfaces and wrappers; one caller passing a list it read
// (a query's rows spread, a list built per field of the request), a
// function handed to code outside the module, one exported from a
// library's package, or a method a dependency calls through its own
// interface (a subscriber handed to an event bus), keeps it reported —
// as the callers passing data's: when some calls pass a few items and
// others data (a store's one-item Add(m) { addMany([]T{m}) } on the
// request path, a batch writer's addMany(batch)), the finding's role,
// routes and severity are those of the entries reaching the loop
// through the calls passing data (the writer's job), and it is silent
// when no entry reaches it through one. Likewise a loop over a field every write of which, in the
// program, sets it to a few items: a literal, or what a function of the
// module returns that it fills only with one append per item of such a
// list (a vote's activities, one per action of a two-item list), and a
// list kept from it, passed on; a field a decoder may fill, or one set
// from a parameter or the request, stays reported. So is a loop over a
// list a call returns, or a field of the struct it returns, when every
// function the call runs (through an interface, every implementation the
// program has) makes it with a few items, followed with that call's
// arguments: a store's duplicate whose copy's boards are []*Board{board},
// rebuilt one per board by a helper, and the members it saves, one per
// board; a list read from rows, decoded, one of an implementation listing
// rows, or a struct handed after the write to a function outside the
// module (a decoder) or kept elsewhere, stays reported. So is a loop over a
// registry every write of which the code lets one count: a package-level
// map or list, or a field, filled by puts and appends in functions that
// only init functions, main, a lifecycle framework's constructors and
// calls outside loops (or in loops over a few items) run — the auth
// schemes plugin packages register from init, read directly or through a
// getter handing on their keys — and a dependency-injection container's
// value group (`group:"workers"`), one item per constructor result that
// adds to it; a put in a loop over rows, a file's lines or the
// environment, one a request runs, a registry handed out whole, or a
// group a constructor adds a list to (`,flatten`) keeps it reported (low
// when only start-up fills it). There, what a call runs is what it can run with the
// constants it passes: a callee's calls under `if filter != nil` do not
// run for a call passing nil, and neither does the body of a callee's
// loop over a list the call passes as nil, an empty literal or "" —
// also through a function that keeps an empty list empty (a dedup
// appending only in its loop over the list): `sync(ctx, nil, removed)`
// runs the removals, not the lookups of the members to add. Likewise,
// of an ent converter's calls under an edge test (`if c :=
// w.Edges.Contract; c != nil`, `if w.Edges.Project == nil`), a call
// handing it the rows of a query runs those the query's With calls let
// through: the contract's query only for rows loaded WithContract(), the
// project's only for rows loaded without WithProject() (also through
// With options, a helper returning the receiver's chain, and a local
// query variable the function assigns only such chains of itself).
// There, code under a guard that no implementation in the module lets
// through does not run: where every return of a function (of every
// implementation the call graph gives an interface's method, none of
// them outside the module) returns one constant — nil, an empty literal,
// false, a number — a branch its result decides against (`if
// len(p.TemplateParams()) > 0`, `if ids == nil { continue }` after a
// stub's `return nil, nil`, an `ok` that is always false, a range over
// such a nil) runs nothing, for loops and routes alike; the loops left
// out so are counted in stats.dead_branch_findings. One implementation
// answering something else, or a function answering nil on one path
// only, keeps the finding. So does a branch decided by a parameter every
// call passes the same constant (`ownerDelete(o, false)` before `if
// !deleteDomains { return err }`), for an unexported function or method,
// or one of a main package, that no code takes as a value and no
// interface call names: a call passing anything else, or a function
// another module may call, keeps the finding.
// There, a statement an iterator runs lazily, on its first
// call (`if t.rows == nil { t.fetch() }`, the field set there or in a
// method it calls on t; or `if !t.started { ...; t.started = true }`),
// runs once per iterator: a loop calling Next on one iterator, or
// advancing iterators made before it (a slice of them, or those a method
// hands back from a field), is silent, and one that makes an iterator
// per item and reads it is reported. A writer's buffer is the same:
// `b.current++; if b.current == b.size { return b.flush() }` (or
// `len(b.rows) >= 500`), whose body sets the counted field again, sends
// one statement per batch of calls to one writer, not one per call; a
// limit that refuses (`if q.used >= q.max { record(); return errFull }`)
// counts per call. A container's getter that hands
// back what its receiver holds and builds it only when unset (`if
// d.settings != nil { return d.settings }; d.settings = load(d.db);
// return d.settings`, the test alone or ANDed with conditions on the
// receiver, package names and constants) is the same fill: a loop over
// one container (made before it, or handed back by a call before it) is
// silent, and so is one of a type the program makes only at start-up, in
// commands or package variables (once per process, whatever path each
// request takes to it); a field the package sets back to nil, a new
// container per item, or a call passing true or a variable to a getter
// whose test is ANDed with its flag (`&& !reload`) is reported, while a
// call passing the constant false keeps the fill. So
// is a range-over-func iterator's
// call of yield inside its own range over another iterator (a filter
// handing items on): the callers' range statements are the loops.
// There, a finding a route or a job reaches is not shown, only counted
// (stats.start_bound_findings) — as a loop in start-up code itself is
// silent — and one no entry point is known for is low and says why,
// when every loop it is about ranges over
// what only start-up fills (a package variable or field that nothing but
// start-up or a command writes: configured plugins, backends, settings
// decoded from a file — as many items as an operator configures; not a
// table's rows start-up read, which a function running queries wrote),
// or
// over interface values the program registers (strategies, plugins: a
// list written out once and handed on by a registry's accessor or as a
// parameter, never made per row or per request item), when
// only a sync.Once or a cache fill runs its loop (once per process), or
// when nothing in the program can run it (no entry point reaches it).
package queryinloop
