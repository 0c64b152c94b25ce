package shapes

import (
	"context"
	"slices"
	"strings"
)

// Filter is what a store method takes to build one statement: its IDs
// go into IN (...).
type Filter struct{ IDs []int64 }

func (s *Store) deleteWhere(ctx context.Context, f Filter) {
	s.db.ExecContext(ctx, `DELETE FROM orders WHERE id = ANY($1)`, f.IDs)
}

func (s *Store) insertRows(ctx context.Context, b *strings.Builder, args []any) {
	s.db.ExecContext(ctx, b.String(), args...)
}

// ChunkedBuilt sends one statement per chunk, with the chunk built into
// the statement's arguments through variables of the loop's body: a
// filter holding it, an argument list filled from it, a builder written
// from it.
func (s *Store) ChunkedBuilt(ctx context.Context, ids []int64) {
	for chunk := range slices.Chunk(ids, 200) {
		f := Filter{IDs: chunk}
		s.deleteWhere(ctx, f) // silent: the chunk goes into ANY($1) through f
	}
	for chunk := range slices.Chunk(ids, 200) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		s.db.ExecContext(ctx, `DELETE FROM orders WHERE id IN ($1, $2)`, args...) // silent: args are the chunk
	}
	for chunk := range slices.Chunk(ids, 200) {
		var b strings.Builder
		var args []any
		for _, id := range chunk {
			b.WriteString("(?)")
			args = append(args, id)
		}
		s.insertRows(ctx, &b, args) // silent: one INSERT of the chunk's rows
	}
}

// ChunkedLookups walks the chunks but looks each item up on its own: a
// chunking helper does not make the lookups set-based.
func (s *Store) ChunkedLookups(ctx context.Context, ids []int64) {
	for chunk := range slices.Chunk(ids, 200) {
		for _, id := range chunk {
			s.user(ctx, id) // want `shapes.\(\*Store\).user runs .* once per item of chunk, inside the loop over slices.Chunk\(\): n×m round trips`
		}
	}
	for chunk := range slices.Chunk(ids, 200) {
		f := Filter{IDs: chunk}
		for _, id := range f.IDs {
			s.user(ctx, id) // want `once per item of f.IDs`
		}
	}
}

// Lookups walks rows already read and looks each one's user up: the N+1
// itself, whatever the variables between the two.
func (s *Store) Lookups(ctx context.Context, owners []int64) {
	for _, owner := range owners {
		id := owner
		s.user(ctx, id) // want `once per item of owners`
	}
}

// refreshChunk looks each item of its chunk up: reported here, where it
// loops.
func (s *Store) refreshChunk(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.user(ctx, id) // want `once per item of ids`
	}
}

// Refresh hands each chunk whole to refreshChunk, which looks its items
// up one by one: a loop over groups that looks items up, even though the
// groups came from a chunking helper.
func (s *Store) Refresh(ctx context.Context, ids []int64) {
	for chunk := range slices.Chunk(ids, 100) {
		s.refreshChunk(ctx, chunk) // want `refreshChunk runs .* once per item of slices.Chunk\(\), and loops itself`
	}
}

// Batches walks ids a batch at a time, by index, and hands each batch to
// refreshChunk: the loop is the batching, written out, and what
// refreshChunk does per item of its batch is its own finding, where it
// loops (above), not this loop's. A batch handed on together with a
// lookup the loop makes per batch is reported: that lookup is this
// loop's.
func (s *Store) Batches(ctx context.Context, ids []int64, size int) {
	for i := 0; i < len(ids); i += size {
		end := min(i+size, len(ids))
		s.refreshChunk(ctx, ids[i:end]) // silent: one call per batch; refreshChunk's loop is reported there
	}
	for i := 0; i < len(ids); i += size {
		end := min(i+size, len(ids))
		s.user(ctx, ids[i]) // want `once per item of ids`
		s.refreshChunk(ctx, ids[i:end])
	}
	req := &Filter{}
	length := len(ids)
	for i := 0; i < length; i = i + size {
		upper := i + size
		if upper > length {
			upper = length
		}
		req.IDs = ids[i:upper]
		s.refreshEach(ctx, req) // silent: one call per batch, the batch in req
	}
}

// refreshEach looks up each item of the filter's batch: reported here.
func (s *Store) refreshEach(ctx context.Context, f *Filter) {
	for _, id := range f.IDs {
		s.user(ctx, id) // want `once per item of f.IDs`
	}
}

// Records inserts one row per record of a CSV-like list, each record a
// tuple of column values ([]string), not a chunk of items: the statement
// takes the record's elements, one round trip per record.
func (s *Store) Records(ctx context.Context, records [][]string) {
	for _, rec := range records {
		s.db.ExecContext(ctx, `INSERT INTO orders (id, note) VALUES ($1, $2)`, rec[0], rec[1]) // want `INSERT into orders runs once per item of records`
	}
}

// Object is one row of a page of results, with its type.
type Object struct {
	Type string
	ID   int64
}

// GroupedByType sorts a page's objects into one list per type and reads
// each type's objects with one statement: one round trip per type, as
// chunks are one per chunk (warrant's query service). A loop over the
// keys of the map of groups, or of a set of the same keys, is silent.
func (s *Store) GroupedByType(ctx context.Context, page []Object) {
	byType := map[string][]int64{}
	types := map[string]bool{}
	for _, o := range page {
		byType[o.Type] = append(byType[o.Type], o.ID)
		types[o.Type] = true
	}
	for t := range types {
		s.db.QueryContext(ctx, `SELECT id, meta FROM objects WHERE type = $1 AND id = ANY($2)`, t, byType[t]) // silent: the type's group goes whole into ANY($2)
	}
	for t := range byType {
		ids := byType[t]
		s.db.QueryContext(ctx, `SELECT id, meta FROM objects WHERE type = $1 AND id = ANY($2)`, t, ids) // silent: through a variable holding the group
	}
	for t := range byType {
		s.db.QueryRowContext(ctx, `SELECT meta FROM objects WHERE type = $1 AND id = $2`, t, byType[t][0]) // want `once per item of byType`
	}
}

// TagsPerUser looks each user's tags up with one statement per user: the
// list is the user's, and the loop is over the users, one round trip
// each.
func (s *Store) TagsPerUser(ctx context.Context, users []int64, tagsByUser map[int64][]string) {
	for _, u := range users {
		s.db.QueryContext(ctx, `SELECT id FROM tags WHERE name = ANY($1)`, tagsByUser[u]) // want `once per item of users`
	}
}
