// Package audit hashes records through a small interface of its own,
// which the audit log, writing each line to the database, implements
// too. A loop hashing records, handing the helper a sha256 hash, runs no
// query: the module's code shows the value is the dependency's. Handed
// the audit log, or a value out of a registry the call graph does not
// follow (the types decide then), it runs the INSERT per item.
package audit

import (
	"crypto/sha256"
	"database/sql"
	"sync"
)

type sink interface {
	Write(p []byte) (int, error)
}

type Log struct{ db *sql.DB }

func (l *Log) Write(p []byte) (int, error) {
	_, err := l.db.Exec(`INSERT INTO audit_lines (line) VALUES ($1)`, p)
	return len(p), err
}

func writeField(w sink, tag byte, b []byte) {
	w.Write([]byte{tag})
	w.Write(b)
}

func hashOf(name string) []byte {
	h := sha256.New()
	writeField(h, 1, []byte(name))
	return h.Sum(nil)
}

type Record struct{ Name string }

// Hashes runs no query: every value writeField's w is, here, is sha256's.
func Hashes(records []Record) [][]byte {
	var out [][]byte
	for _, r := range records {
		out = append(out, hashOf(r.Name))
	}
	return out
}

// Audit writes to the log itself: the INSERT per record.
func Audit(l *Log, records []Record) {
	for _, r := range records {
		l.writeRecord(r)
	}
}

func (l *Log) writeRecord(r Record) { l.Write([]byte(r.Name)) }

var registry sync.Map

// FromRegistry's sink comes out of a sync.Map as any: the types decide,
// and the log is the module's one implementation of Write.
func FromRegistry(records []Record) {
	v, _ := registry.Load("audit")
	w := v.(sink)
	for _, r := range records {
		w.Write([]byte(r.Name))
	}
}

type renderer interface{ Render(w sink, name string) }

type page struct{}

func (page) Render(w sink, name string) { w.Write([]byte(name)) }

// HashPages hands Render a hash, but Render also runs through renderer,
// handed the log: the call graph, which follows values by function and
// not by call, gives w.Write the log's Write on every call of Render.
func HashPages(p page, names []string) {
	for _, n := range names {
		p.Render(sha256.New(), n)
	}
}

func RenderAll(r renderer, l *Log, names []string) {
	for _, n := range names {
		r.Render(l, n)
	}
}

type card struct{}

func (*card) Draw(w sink, name string) { w.Write([]byte(name)) }

type drawer interface{ Draw(w sink, name string) }

// HashCards is the only call of (*card).Draw the call graph follows,
// and hands it a hash; but DrawNames runs Draw through drawer, in
// generated code (draw_gen.go), whose values the call graph does not
// follow, handed the log. That a call through an interface may run Draw
// keeps its w.Write resolved by the types: DrawNames's INSERT per name
// is reported (and, the types deciding, HashCards's too).
func HashCards(c *card, names []string) {
	for _, n := range names {
		c.Draw(sha256.New(), n)
	}
}

func DrawNames(d drawer, l *Log, names []string) {
	for _, n := range names {
		drawOne(d, l, n)
	}
}
