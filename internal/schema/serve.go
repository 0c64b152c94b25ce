package schema

import (
	"slices"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Serves answers the missingindex check's question for plain columns: is
// there a full index (primary key and unique constraints included) whose
// leading columns are among cols, which a query compares for equality?
// It returns the index that uses the most of them and how many of its
// leading keys that is (nil, 0 when no index starts with any of cols).
//
// An index on (a, b) serves `a = $1` (one key) and `a = $1 AND b = $2`
// (two) but not `b = $1`: a btree is searched from its first key.
func (t *Table) Serves(cols []string) (*Index, int) {
	keys := make([]sqlparse.IndexKey, len(cols))
	for i, c := range cols {
		keys[i] = sqlparse.IndexKey{Column: c}
	}
	return t.ServesKeys(keys, nil)
}

// ServesKeys is Serves for keys that may be expressions of one column,
// matched by Column and Func as sqlparse reports filters (lower(email) =
// $1 is served by an index on lower(email), not by one on email), and
// that also considers partial indexes whose predicate the query's filters
// imply (see Index.ImpliedBy). Only btree and hash indexes serve equality;
// a hash index has one key.
func (t *Table) ServesKeys(keys []sqlparse.IndexKey, filters []sqlparse.Filter) (*Index, int) {
	var best *Index
	bestN := 0
	for _, ix := range t.Indexes {
		if ix.Method != "btree" && ix.Method != "hash" {
			continue
		}
		if ix.Where != "" && !ix.ImpliedBy(t, filters) {
			continue
		}
		n := 0
		for _, k := range ix.Keys {
			if !slices.ContainsFunc(keys, func(w sqlparse.IndexKey) bool { return sameKey(k, w) }) {
				break
			}
			n++
		}
		if ix.Method == "hash" {
			n = min(n, 1)
		}
		if n > bestN || n == bestN && n > 0 && better(ix, best) {
			best, bestN = ix, n
		}
	}
	return best, bestN
}

// better prefers, among indexes that use as many keys, a full index to a
// partial one and a unique one to the rest: they are the ones a reader
// of the report recognizes.
func better(a, b *Index) bool {
	if (a.Where == "") != (b.Where == "") {
		return a.Where == ""
	}
	return a.Unique && !b.Unique
}

func sameKey(k, w sqlparse.IndexKey) bool {
	return k.Column != "" && k.Column == w.Column && k.Func == w.Func
}

// ServesOrder reports the btree index, if any, that lets `WHERE eq...
// ORDER BY order... LIMIT n` stop after n rows: its leading keys are
// (some of) the equality columns eq, in any order, and the keys right
// after them start with the ORDER BY columns, in order. filters are the
// query's, for partial indexes.
func (t *Table) ServesOrder(eq, order []string, filters []sqlparse.Filter) *Index {
	if len(order) == 0 {
		return nil
	}
	for _, ix := range t.Indexes {
		if ix.Method != "btree" || ix.Where != "" && !ix.ImpliedBy(t, filters) {
			continue
		}
		// Try each length of equality prefix: (a, created_at) serves
		// `WHERE a = $1 ORDER BY created_at`, (created_at) serves it too.
		for j := 0; j <= len(ix.Keys); j++ {
			if j > 0 && !plainIn(ix.Keys[j-1], eq) {
				break
			}
			if ordered(ix.Keys[j:], order) {
				return ix
			}
		}
	}
	return nil
}

func plainIn(k sqlparse.IndexKey, cols []string) bool {
	return k.Func == "" && k.Expr == "" && slices.Contains(cols, k.Column)
}

// ordered reports whether keys start with as many of the order columns as
// it has keys, the first one at least.
func ordered(keys []sqlparse.IndexKey, order []string) bool {
	n := 0
	for n < len(keys) && n < len(order) && keys[n].Func == "" && keys[n].Expr == "" && keys[n].Column == order[n] {
		n++
	}
	return n > 0 && (n == len(order) || n == len(keys))
}

// ImpliedBy reports whether a query with these filters may use the
// partial index ix: every comparison of the index's predicate appears
// among them (same column, function and operator, and the same constant
// when the predicate has one), comparisons under an OR left aside; a
// predicate `c IS NOT NULL` is also implied by any comparison of c that
// no NULL passes, and a comparison of c with a constant by `c = $1`, which
// a custom plan proves for the parameter's value. A full index is implied
// by anything.
//
// A predicate sqlparse could not reduce to an AND of comparisons (an OR,
// a subquery) counts as implied: we cannot prove it either way, and a
// finding that says an index is missing when one exists costs more trust
// than a missed one.
func (ix *Index) ImpliedBy(t *Table, filters []sqlparse.Filter) bool {
	if ix.Where == "" || !ix.WhereSimple {
		return true
	}
	for _, w := range ix.WhereFilters {
		if !slices.ContainsFunc(filters, func(f sqlparse.Filter) bool {
			if f.Optional {
				return false // under an OR: rows failing it are wanted too
			}
			if f.Column.Table != "" && f.Column.Table != t.Name && f.Column.Table != t.QualifiedName() {
				return false // another table's column of the same name
			}
			if f.Column.Column != w.Column.Column || f.Func != w.Func {
				return false
			}
			if w.Op == "IS NOT NULL" && strict[f.Op] {
				// `user_id = $1` cannot hold for a NULL user_id: the
				// planner proves `WHERE user_id IS NOT NULL` from it.
				return true
			}
			if (f.Op == "=" || f.Op == "IN" || f.Op == "ANY") && f.Value == "param" && w.Value == "const" {
				// `external_id = $1` against `WHERE external_id <> ''`:
				// the custom plan PostgreSQL makes for the parameter's
				// value proves the predicate, and the index was made
				// for this lookup.
				return true
			}
			if f.Op != w.Op {
				return false
			}
			return w.Value != "const" || f.Value == "const" && f.Literal == w.Literal
		}) {
			return false
		}
	}
	return true
}

// Leading returns an index whose first key is k and that a query with
// these filters may use (a partial index only when they imply its
// predicate), or nil. An equality (eq) can use a btree or a hash index;
// a range, IS NULL or sort only a btree. Full indexes are preferred, as
// in ServesKeys, so that a report names the index a reader recognizes.
func (t *Table) Leading(k sqlparse.IndexKey, filters []sqlparse.Filter, eq bool) *Index {
	var best *Index
	for _, ix := range t.Indexes {
		if len(ix.Keys) == 0 || !sameKey(ix.Keys[0], k) {
			continue
		}
		if ix.Method != "btree" && !(eq && ix.Method == "hash") {
			continue
		}
		if ix.Where != "" && !ix.ImpliedBy(t, filters) {
			continue
		}
		if best == nil || better(ix, best) {
			best = ix
		}
	}
	return best
}

// Searchable reports whether a GIN, GiST, SP-GiST or BRIN index has the
// column among its keys: such an index serves containment, full-text,
// trigram and range operators a btree cannot, in any key position.
func (t *Table) Searchable(column string, filters []sqlparse.Filter) *Index {
	for _, ix := range t.Indexes {
		switch ix.Method {
		case "gin", "gist", "spgist", "brin":
		default:
			continue
		}
		if ix.Where != "" && !ix.ImpliedBy(t, filters) {
			continue
		}
		for _, k := range ix.Keys {
			if k.Column == column {
				return ix
			}
		}
	}
	return nil
}

// strict are the comparisons that are never true for a NULL column, so
// that they imply `column IS NOT NULL`.
var strict = map[string]bool{
	"=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true,
	"IN": true, "ANY": true, "BETWEEN": true, "LIKE": true, "ILIKE": true,
	"JOIN": true, "IS NOT NULL": true, "@>": true, "<@": true, "&&": true,
}
