// Package lines reads lines through range-over-func iterators: the loop
// that runs per item is the caller's range statement, not the iterator's
// call of yield, which every caller's body reaches at once.
package lines

import (
	"bufio"
	"database/sql"
	"io"
	"iter"
	"strings"
)

func From(r io.Reader) iter.Seq[string] {
	return func(yield func(string) bool) {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if !yield(sc.Text()) { // silent: the callers' range statements are the loops
				return
			}
		}
	}
}

func Chunks[T any](it iter.Seq[T], n int) iter.Seq[[]T] {
	return func(yield func([]T) bool) {
		var buf []T
		for x := range it {
			if buf = append(buf, x); len(buf) == n {
				if !yield(buf) { // silent: as above
					return
				}
				buf = nil
			}
		}
		if len(buf) > 0 {
			yield(buf)
		}
	}
}

// Import looks paths up a hundred at a time: one statement per chunk.
func Import(db *sql.DB, r io.Reader) {
	for chunk := range Chunks(From(r), 100) {
		findByPaths(db, chunk)
	}
}

func findByPaths(db *sql.DB, paths []string) {
	db.Query("SELECT id FROM files WHERE path = ANY($1)", paths)
}

// Each inserts line by line: an N+1, reported at its own range.
func Each(db *sql.DB, r io.Reader) {
	for line := range From(r) {
		db.Exec("INSERT INTO lines (text) VALUES ($1)", line)
	}
}

// Trimmed hands From's lines on, trimmed: the yield is its callers' body.
func Trimmed(seq iter.Seq[string]) iter.Seq[string] {
	return func(yield func(string) bool) {
		for line := range seq {
			if !yield(strings.TrimSpace(line)) { // silent: the callers' range statements are the loops
				return
			}
		}
	}
}

// EachTrimmed inserts line by line: an N+1, reported at its own range.
func EachTrimmed(db *sql.DB, r io.Reader) {
	for line := range Trimmed(From(r)) {
		db.Exec("INSERT INTO lines (text) VALUES ($1)", line)
	}
}
