// Package chunks walks lists by index in chunks: a statement sent with
// the chunk (the slice from the loop's index, or what the body builds
// from it) runs once per chunk, and its site is in no loop; one per item
// of a chunk, a query the chunk does not reach, or a loop stepping one
// item at a time is in a data loop.
package chunks // want `stats: 12 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

const BatchSize = 500

type Store struct {
	db    *sql.DB
	batch int
}

type Filter struct {
	IDs []int64
}

// AddItems inserts the items a chunk at a time, one multi-row VALUES per
// chunk, the loop written with its condition alone and stepped by its
// last statement.
func (s *Store) AddItems(ctx context.Context, tx *sql.Tx, queue string, items []string) error { // want `issuesQueries\(write INSERT INTO queue\(queue_name, item\) VALUES \(\$1,\$2\) @chunks.go:\d+\)`
	lb := 0
	size := len(items)
	for lb < size {
		ub := min(lb+BatchSize, size)
		sliced := items[lb:ub]
		query := "INSERT INTO queue(queue_name, item) VALUES "
		var inserts []string
		var params []interface{}
		for i, v := range sliced {
			inserts = append(inserts, `($`+strconv.Itoa(2*i+1)+`,$`+strconv.Itoa(2*i+2)+`)`)
			params = append(params, queue, v)
		}
		query = query + strings.Join(inserts, ",")
		if _, err := tx.ExecContext(ctx, query, params...); err != nil { // want `site exec write "INSERT INTO queue\(queue_name, item\) VALUES \(\$1,\$2\)"$`
			return err
		}
		lb += BatchSize
	}
	return nil
}

// ToEnd steps to the end of the chunk it took.
func (s *Store) ToEnd(ctx context.Context, ids []int64) { // want `issuesQueries\(write DELETE FROM orders WHERE id = ANY\(\$1\) @chunks.go:\d+\)`
	start := 0
	for start < len(ids) {
		end := min(start+s.batch, len(ids))
		s.db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[start:end]) // want `site exec write "DELETE FROM orders WHERE id = ANY\(\$1\)"$`
		start = end
	}
}

// Counted keeps a count beside its index, stepped alike: the index the
// condition compares is the one that walks the list.
func (s *Store) Counted(ctx context.Context, ids []int64) int { // want `issuesQueries\(write DELETE FROM orders WHERE id = ANY\(\$1\) @chunks.go:\d+\)`
	done := 0
	lb := 0
	for lb < len(ids) {
		ub := min(lb+BatchSize, len(ids))
		s.db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[lb:ub]) // want `site exec write "DELETE FROM orders WHERE id = ANY\(\$1\)"$`
		done = done + BatchSize
		lb = ub
	}
	return done
}

// ByField steps by a field and sends a filter holding the chunk.
func (s *Store) ByField(ctx context.Context, ids []int64) { // want `issuesQueries\(read SELECT id FROM orders WHERE id = ANY\(\$1\) @chunks.go:\d+\)`
	for i := 0; i < len(ids); i += s.batch {
		f := Filter{IDs: ids[i:min(i+s.batch, len(ids))]}
		s.db.QueryContext(ctx, "SELECT id FROM orders WHERE id = ANY($1)", f.IDs) // want `site query read "SELECT id FROM orders WHERE id = ANY\(\$1\)"$`
	}
}

// EachOfChunk looks each item of every chunk up: once per item.
func (s *Store) EachOfChunk(ctx context.Context, ids []int64) { // want `issuesQueries\(read×2 SELECT id FROM orders WHERE id = \$1 @chunks.go:\d+\)`
	for lb := 0; lb < len(ids); lb += BatchSize {
		chunk := ids[lb:min(lb+BatchSize, len(ids))]
		for _, id := range chunk {
			s.db.QueryContext(ctx, "SELECT id FROM orders WHERE id = $1", id) // want `site query read "SELECT id FROM orders WHERE id = \$1" in data loop`
		}
	}
}

// Untaken runs a query the chunk does not reach, once per chunk of ids:
// the loop is over the ids, and the query is not the batch of a chunk.
func (s *Store) Untaken(ctx context.Context, ids []int64, user int64) { // want `issuesQueries\(write×1 UPDATE users SET seen = now\(\) WHERE id = \$1 @chunks.go:\d+, write DELETE FROM orders WHERE id = ANY\(\$1\) @chunks.go:\d+\)`
	lb := 0
	for lb < len(ids) {
		chunk := ids[lb:min(lb+BatchSize, len(ids))]
		s.db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", chunk)      // want `site exec write "DELETE FROM orders WHERE id = ANY\(\$1\)"$`
		s.db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", user) // want `site exec write "UPDATE users SET seen = now\(\) WHERE id = \$1" in data loop`
		lb += BatchSize
	}
}

// ByOne steps one item at a time, written out: each slice holds one id.
func (s *Store) ByOne(ctx context.Context, ids []int64) { // want `issuesQueries\(write×1 DELETE FROM orders WHERE id = ANY\(\$1\) @chunks.go:\d+, write×1 DELETE FROM orders WHERE id = ANY\(\$1\) @chunks.go:\d+\)`
	for i := 0; i < len(ids); i += 1 {
		s.db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[i:i+1]) // want `site exec write "DELETE FROM orders WHERE id = ANY\(\$1\)" in data loop`
	}
	i := 0
	for i < len(ids) {
		s.db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[i:i+1]) // want `site exec write "DELETE FROM orders WHERE id = ANY\(\$1\)" in data loop`
		i++
	}
}

// PerToken steps by the length of what it just read: a value per item,
// not a batch size.
func (s *Store) PerToken(ctx context.Context, names []string) { // want `issuesQueries\(write×1 DELETE FROM tags WHERE name = ANY\(\$1\) @chunks.go:\d+\)`
	pos := 0
	for pos < len(names) {
		n := len(names[pos])%3 + 1
		s.db.ExecContext(ctx, "DELETE FROM tags WHERE name = ANY($1)", names[pos:min(pos+n, len(names))]) // want `site exec write "DELETE FROM tags WHERE name = ANY\(\$1\)" in data loop`
		pos += n
	}
}

// Skipping steps only on some iterations: no chunk of a fixed size.
func (s *Store) Skipping(ctx context.Context, ids []int64) { // want `issuesQueries\(write×1 DELETE FROM orders WHERE id = ANY\(\$1\) @chunks.go:\d+\)`
	lb := 0
	for lb < len(ids) {
		s.db.ExecContext(ctx, "DELETE FROM orders WHERE id = ANY($1)", ids[lb:min(lb+BatchSize, len(ids))]) // want `site exec write "DELETE FROM orders WHERE id = ANY\(\$1\)" in data loop`
		if ids[lb] > 0 {
			lb++
			continue
		}
		lb += BatchSize
	}
}

// Pages steps by a page's size and slices nothing: the older reading of
// the step alone, a loop over pages.
func (s *Store) Pages(ctx context.Context, total, limit int) { // want `issuesQueries\(read SELECT id FROM orders ORDER BY id LIMIT \$1 OFFSET \$2 @chunks.go:\d+\)`
	for off := 0; off < total; off += limit {
		s.db.QueryContext(ctx, "SELECT id FROM orders ORDER BY id LIMIT $1 OFFSET $2", limit, off) // want `site query read "SELECT id FROM orders ORDER BY id LIMIT \$1 OFFSET \$2" in chunk loop`
	}
}
