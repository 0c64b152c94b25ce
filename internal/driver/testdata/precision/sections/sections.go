// Package sections dumps the partitions of the sections a command names.
// Every partition it dumps comes from a package-level table the code
// writes out and nothing changes: a loop over them runs at most as many
// times as the table lists partitions, however the command picks the
// sections, and is silent. A table the program adds to, or a set filled
// from the request, is data, and reported.
package sections

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"net/http"
	"slices"
)

// Sections maps each section to its partitions: five in all.
var Sections = map[string][]string{
	"auth":  {"auth", "basic", "acl"},
	"pulls": {"pulls"},
	"meta":  {"meta"},
}

type Dumper struct{ db *sql.DB }

func (d *Dumper) dumpPartition(ctx context.Context, p string) {
	d.db.QueryContext(ctx, "SELECT key, value FROM kv WHERE partition = $1", p)
}

// DumpPartitions dumps each partition it is passed.
func (d *Dumper) DumpPartitions(ctx context.Context, partitions []string) {
	for _, p := range partitions {
		d.dumpPartition(ctx, p) // silent: every caller passes partitions of Sections (five at most), or one
	}
}

var errUnknown = errors.New("unknown section")

// Dump dumps the partitions of the sections named, all when none is:
// the set of their partitions, each from Sections' values.
func Dump(ctx context.Context, d *Dumper, sections []string) error {
	if len(sections) == 0 {
		sections = slices.Collect(maps.Keys(Sections))
	}
	set := make(map[string]struct{})
	for _, s := range sections {
		parts, ok := Sections[s]
		if !ok {
			return errUnknown
		}
		for _, p := range parts {
			set[p] = struct{}{}
		}
	}
	partitions := slices.Collect(maps.Keys(set))
	d.DumpPartitions(ctx, partitions)
	return nil
}

// DumpOne dumps one partition, through a parameter of its own.
func DumpOne(ctx context.Context, d *Dumper, partition string) {
	dumpWith(ctx, d, []string{partition})
}

func dumpWith(ctx context.Context, d *Dumper, partitions []string) {
	d.DumpPartitions(ctx, partitions)
}

// Open is a table the program adds to: what it holds is data.
var Open = map[string][]string{
	"auth": {"auth", "basic"},
}

// Register adds a section to Open.
func Register(name string, parts []string) { Open[name] = parts }

func (d *Dumper) dumpOpen(ctx context.Context, partitions []string) {
	for _, p := range partitions {
		d.dumpPartition(ctx, p) // reported: Open is changed at run time
	}
}

func DumpOpen(ctx context.Context, d *Dumper, sections []string) {
	set := map[string]bool{}
	for _, s := range sections {
		for _, p := range Open[s] {
			set[p] = true
		}
	}
	d.dumpOpen(ctx, slices.Collect(maps.Keys(set)))
}

func (d *Dumper) dumpPicked(ctx context.Context, partitions []string) {
	for _, p := range partitions {
		d.dumpPartition(ctx, p) // reported: the set's keys are the request's
	}
}

// DumpPicked puts the request's partitions in a set: as many as it sends.
func DumpPicked(w http.ResponseWriter, r *http.Request) {
	d := &Dumper{}
	set := map[string]bool{}
	for _, p := range r.Form["partition"] {
		set[p] = true
	}
	d.dumpPicked(r.Context(), slices.Collect(maps.Keys(set)))
}

// DumpSections dumps the sections the request names: unknown ones are
// refused, so the partitions are still Sections'.
func DumpSections(w http.ResponseWriter, r *http.Request) {
	Dump(r.Context(), &Dumper{}, r.Form["section"])
	DumpOne(r.Context(), &Dumper{}, r.FormValue("partition"))
}

func DumpOpenSections(w http.ResponseWriter, r *http.Request) {
	Register(r.FormValue("name"), r.Form["partition"])
	DumpOpen(r.Context(), &Dumper{}, r.Form["section"])
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /dump", DumpPicked)
	mux.HandleFunc("GET /sections", DumpSections)
	mux.HandleFunc("GET /open", DumpOpenSections)
	mux.HandleFunc("GET /job", DumpJob)
}

// Job is what a request asks to dump.
type Job struct{ Partitions []string }

// distinct is one partition per distinct one the request names: a set
// of the request's values, however it is built, is data.
func distinct(r *http.Request) []string {
	set := map[string]bool{}
	for _, p := range r.Form["partition"] {
		set[p] = true
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	return out
}

func DumpJob(w http.ResponseWriter, r *http.Request) {
	job := &Job{}
	job.Partitions = distinct(r)
	d := &Dumper{}
	for _, p := range job.Partitions {
		d.dumpPartition(r.Context(), p) // reported: the set's keys are the request's (a set counted as empty was few)
	}
}
