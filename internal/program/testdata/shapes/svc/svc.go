// Package svc calls the store through interfaces, func values held in
// fields, closures and callbacks.
package svc

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"example.com/shapes/store"
)

type Service struct {
	get   store.Getter
	count func(ctx context.Context) error
	db    *sql.DB

	once  sync.Once
	names map[int64]string
}

func New(db *sql.DB, get store.Getter, c store.Counter) *Service {
	return &Service{get: get, count: c.Count, db: db}
}

// Each gets every id: a query per item, through an interface.
func (s *Service) Each(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if err := s.get.Get(ctx, id); err != nil {
			return err
		}
	}
	return s.count(ctx)
}

// Nested runs a closure per item of per item.
func (s *Service) Nested(ctx context.Context, groups [][]int64) {
	get := func(id int64) { s.get.Get(ctx, id) }
	for _, g := range groups {
		for _, id := range g {
			get(id)
		}
	}
}

// Name fills a cache once, through sync.Once.
func (s *Service) Name(ctx context.Context, id int64) string {
	s.once.Do(func() {
		s.names = map[int64]string{}
		rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM names`) // Name's cache
		if err == nil {
			rows.Close()
		}
	})
	return s.names[id]
}

// Tree walks a tree of the store.
func (s *Service) Tree(ctx context.Context, roots []*store.Node) {
	for _, r := range roots {
		store.Mark(ctx, s.db, r)
	}
	store.Even(ctx, s.db, 10)
}

// Wrap is a middleware: the request goes on to next, which is not a call
// of its own code.
func (s *Service) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.get.Get(r.Context(), 1)
		next.ServeHTTP(w, r)
	})
}

// Poll is a worker: its loop's body is a job of its own, not part of a
// call of Poll.
func (s *Service) Poll(ctx context.Context, ticks <-chan int64) {
	s.count(ctx)
	for id := range ticks {
		s.get.Get(ctx, id)
	}
}

type getterKey struct{}

// FromContext gets the store from the context, where code the graph
// cannot follow put it: every implementation of the module's interface
// is a candidate.
func FromContext(ctx context.Context, id int64) error {
	g, _ := ctx.Value(getterKey{}).(store.Getter)
	return g.Get(ctx, id)
}

// Lead looks a user up at most once: the loop leaves after it.
func (s *Service) Lead(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if id > 0 {
			s.get.Get(ctx, id)
			break
		}
	}
}

// Purge deletes in batches, a statement per batch.
func (s *Service) Purge(ctx context.Context, batches [][]int64) {
	for _, batch := range batches {
		store.DeleteAll(ctx, s.db, batch)
	}
}

// Labels names each item through a cache filled on first use.
func (s *Service) Labels(ctx context.Context, ids []int64) []string {
	var out []string
	for _, id := range ids {
		out = append(out, s.label(ctx, id))
	}
	return out
}

func (s *Service) label(ctx context.Context, id int64) string {
	if s.names == nil {
		s.names = map[int64]string{}
		rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM labels`) // label's cache
		if err == nil {
			rows.Close()
		}
	}
	return s.names[id]
}

// tx runs fn as a transaction helper does: the queries are fn's, not those
// of every function any caller hands it.
func (s *Service) tx(ctx context.Context, fn func() error) error {
	return fn()
}

// inTx forwards its function to tx.
func (s *Service) inTx(ctx context.Context, fn func() error) error {
	return s.tx(ctx, fn)
}

// each runs fn once per id.
func each(ids []int64, fn func(int64)) {
	for _, id := range ids {
		fn(id)
	}
}

// Rename and Archive each hand the helpers their own body.
func (s *Service) Rename(ctx context.Context, ids []int64) error {
	each(ids, func(id int64) { store.DeleteAll(ctx, s.db, nil) })
	return s.tx(ctx, func() error { return store.Mark(ctx, s.db, nil) })
}

func (s *Service) Archive(ctx context.Context) error {
	return s.inTx(ctx, func() error { return store.Odd(ctx, s.db, 1) })
}

// attempt runs fn until it says stop, as a retry helper does.
func attempt(fn func(n int) (bool, error)) error {
	for n := 0; ; n++ {
		if again, err := fn(n); !again {
			return err
		}
	}
}

// retry calls its function inside the closure it hands attempt: what a
// call of retry runs is its caller's function, not every function any
// caller hands retry.
func retry(fn func() error) error {
	return attempt(func(int) (bool, error) {
		err := fn()
		return err != nil, err
	})
}

// Touch marks each item through retry; Rest hands retry another body.
func (s *Service) Touch(ctx context.Context, ids []int64) {
	for range ids {
		retry(func() error { return store.DeleteAll(ctx, s.db, nil) })
	}
}

func (s *Service) Rest(ctx context.Context) error {
	return retry(func() error { return store.Odd(ctx, s.db, 1) })
}

// Log runs the lookups of one case of its switch, then the insert every
// call that does not fail runs.
func Log(ctx context.Context, db *sql.DB, kind int) error {
	switch kind {
	case 1:
		if _, err := db.ExecContext(ctx, "SELECT 1 FROM a WHERE id = $1", kind); err != nil {
			return err
		}
	case 2:
		db.ExecContext(ctx, "SELECT 1 FROM b WHERE id = $1", kind)
		db.ExecContext(ctx, "SELECT 1 FROM c WHERE id = $1", kind)
	}
	_, err := db.ExecContext(ctx, "INSERT INTO log (kind) VALUES ($1)", kind)
	return err
}

// LogAll logs twice, one after the other: both run.
func LogAll(ctx context.Context, db *sql.DB) error {
	if err := Log(ctx, db, 1); err != nil {
		return err
	}
	return Log(ctx, db, 2)
}

// Apply runs one action per call; an action that cascades applies the
// next (recursion). One call runs one case, and a level of the cascade
// runs per level: the members of the recursion are not all run at once.
func Apply(ctx context.Context, db *sql.DB, kind int) error {
	switch kind {
	case 1:
		db.ExecContext(ctx, "DELETE FROM a WHERE id = $1", kind)
	case 2:
		db.ExecContext(ctx, "DELETE FROM b WHERE id = $1", kind)
		db.ExecContext(ctx, "DELETE FROM c WHERE id = $1", kind)
	case 3:
		return cascade(ctx, db, kind)
	case 4:
		return archive(ctx, db, kind)
	}
	return nil
}

func cascade(ctx context.Context, db *sql.DB, kind int) error {
	db.ExecContext(ctx, "UPDATE d SET n = n + 1 WHERE id = $1", kind)
	return Apply(ctx, db, kind-1)
}

func archive(ctx context.Context, db *sql.DB, kind int) error {
	db.ExecContext(ctx, "INSERT INTO e (kind) VALUES ($1)", kind)
	return cascade(ctx, db, kind)
}

// Purge deletes per id, in a loop of its own: no query runs once per
// call, two per item.
func Purge(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM f WHERE id = $1", id)
		db.ExecContext(ctx, "DELETE FROM g WHERE id = $1", id)
	}
}

// tagNames reads tags through by key, for as long as the process runs.
var tagNames sync.Map

// Tags names each item through a keyed cache: a query per miss.
func (s *Service) Tags(ctx context.Context, ids []int64) []string {
	var out []string
	for _, id := range ids {
		out = append(out, s.tag(ctx, id))
	}
	return out
}

func (s *Service) tag(ctx context.Context, id int64) string {
	if v, ok := tagNames.Load(id); ok {
		return v.(string)
	}
	var name string
	s.db.QueryRowContext(ctx, `SELECT name FROM tags WHERE id = $1`, id).Scan(&name) // tag's cache
	tagNames.Store(id, name)
	return name
}

// KindCache holds each item's kinds once loaded, for as long as its
// caller keeps it: a cache handed in, whose life the callee cannot tell.
type KindCache struct{ m sync.Map }

// Kinds loads each item's kinds through helpers: a query per item the
// cache meets for the first time.
func (s *Service) Kinds(ctx context.Context, c *KindCache, ids []int64) {
	for _, id := range ids {
		s.kind(ctx, c, id)
	}
}

func (s *Service) kind(ctx context.Context, c *KindCache, id int64) {
	if !s.hasKinds(c, id) {
		s.loadKinds(ctx, c, id)
	}
}

func (s *Service) hasKinds(c *KindCache, id int64) bool {
	_, ok := c.m.Load(id)
	return ok
}

func (s *Service) loadKinds(ctx context.Context, c *KindCache, id int64) {
	var k []string
	s.db.QueryRowContext(ctx, `SELECT kinds FROM items WHERE id = $1`, id).Scan(&k) // kinds' cache
	c.m.Store(id, k)
}

// OwnerTags reads, per item, the kinds of a key set before the loop: the
// cache's key repeats, the query runs once.
func (s *Service) OwnerTags(ctx context.Context, c *KindCache, ids []int64, owner int64) {
	first := owner
	for range ids {
		s.kind(ctx, c, first)
	}
}

// DefaultKinds reads the kinds of a constant key, two calls down: once.
func (s *Service) DefaultKinds(ctx context.Context, c *KindCache, ids []int64) {
	for range ids {
		s.defaultKind(ctx, c)
	}
}

func (s *Service) defaultKind(ctx context.Context, c *KindCache) { s.kind(ctx, c, 0) }

// NextTags carries the key from item to item: a new key each time.
func (s *Service) NextTags(ctx context.Context, c *KindCache, ids []int64) {
	var prev int64
	for _, id := range ids {
		s.tag(ctx, prev)     // the process's cache: once warm, every key hits
		s.kind(ctx, c, prev) // a cache handed in: per item
		prev = id + 1
	}
}

// tagCount holds the number of tags once counted.
var tagCount *int

// CountedTags reads each item's tag through a keyed cache's miss (the
// body of `if !ok`), then counts the tags once for the process: the
// count, after the keyed cache's statement, is no miss of it.
func (s *Service) CountedTags(ctx context.Context, c *KindCache, ids []int64) {
	for _, id := range ids {
		s.countedTag(ctx, c, id)
	}
}

func (s *Service) countedTag(ctx context.Context, c *KindCache, id int64) {
	if _, ok := c.m.Load(id); !ok {
		var name string
		s.db.QueryRowContext(ctx, `SELECT name FROM tags WHERE id = $1`, id).Scan(&name)
		c.m.Store(id, name)
	}
	if tagCount == nil {
		var n int
		s.db.QueryRowContext(ctx, `SELECT count(*) FROM tags`).Scan(&n)
		tagCount = &n
	}
}

// settings holds the settings, read once for the process.
var settings *string

// Config reads its conf again when asked to reload.
type Config struct {
	db   *sql.DB
	conf *string
}

func (c *Config) Conf(ctx context.Context, reload bool) *string {
	if c.conf != nil && !reload {
		return c.conf
	}
	c.conf = readSettings(ctx, c.db)
	return c.conf
}

func readSettings(ctx context.Context, db *sql.DB) *string {
	if settings == nil {
		var s string
		db.QueryRowContext(ctx, `SELECT value FROM settings`).Scan(&s)
		settings = &s
	}
	return settings
}

// Reloaded reloads the conf per item; the settings under it, read once
// for the process whatever the getter's flag, are read once.
func Reloaded(ctx context.Context, c *Config, ids []int64) {
	for range ids {
		c.Conf(ctx, true)
	}
}

// inChunks runs fn once per chunk of ids, as stash's batchExec does.
func inChunks[T any](ids []T, size int, fn func(batch []T) error) error {
	for i := 0; i < len(ids); i += size {
		end := min(i+size, len(ids))
		if err := fn(ids[i:end]); err != nil {
			return err
		}
	}
	return nil
}

// PurgeChunks deletes the ids a chunk at a time: one statement per chunk.
func (s *Service) PurgeChunks(ctx context.Context, ids []int64) error {
	return inChunks(ids, 500, func(batch []int64) error { return store.DeleteAll(ctx, s.db, batch) })
}

// PurgeEach deletes every id of every chunk on its own: per id.
func (s *Service) PurgeEach(ctx context.Context, ids []int64) error {
	return inChunks(ids, 500, func(batch []int64) error {
		for _, id := range batch {
			store.DeleteAll(ctx, s.db, []int64{id})
		}
		return nil
	})
}

// inTxn runs fn in a transaction, as stash's txn.WithTxn does.
func inTxn(ctx context.Context, fn func(ctx context.Context) error) error { return fn(ctx) }

// MarkOne hands the helper its own body: it runs that alone, not what
// the helper's other callers hand it.
func (s *Service) MarkOne(ctx context.Context) error {
	return inTxn(ctx, func(ctx context.Context) error { return store.Mark(ctx, s.db, nil) })
}

// Recount hands it a function kept in a field, which the rewiring does
// not follow: the graph's answer, every function a caller hands it.
func (s *Service) Recount(ctx context.Context) error { return inTxn(ctx, s.count) }

// inTxn2 runs before, then fn: two parameters, each rewired on its own.
func inTxn2(ctx context.Context, before, fn func(ctx context.Context) error) error {
	if err := before(ctx); err != nil {
		return err
	}
	return fn(ctx)
}

// MarkTwo hands it two functions of its own.
func (s *Service) MarkTwo(ctx context.Context) error {
	return inTxn2(ctx,
		func(ctx context.Context) error { return store.Odd(ctx, s.db, 1) },
		func(ctx context.Context) error { return store.Mark(ctx, s.db, nil) })
}

// RecountTwo hands it a field's function for both: each parameter's
// call gives it what the graph gave that call.
func (s *Service) RecountTwo(ctx context.Context) error { return inTxn2(ctx, s.count, s.count) }
