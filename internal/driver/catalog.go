package driver

import (
	"maps"
	"slices"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/catalog"
)

// schemaStats gathers, over the packages of a run, what the catalog pass
// says of the schema: every package sees the same files and warnings
// (plus its own migrations), so each is counted and reported once.
type schemaStats struct {
	files    map[string]bool
	warnings map[string]bool
	unknown  map[string]bool
	skipped  map[string]bool
	problems []report.Problem
}

func newSchemaStats() *schemaStats {
	return &schemaStats{files: map[string]bool{}, warnings: map[string]bool{}, unknown: map[string]bool{}, skipped: map[string]bool{}}
}

// add takes the result of a root action of the catalog pass.
func (s *schemaStats) add(r *catalog.Result, rel func(string) string) {
	if r == nil {
		return
	}
	for _, f := range r.Files() {
		s.files[rel(f)] = true
	}
	for _, f := range r.Skipped() {
		s.skipped[rel(f)] = true
	}
	for _, w := range r.Warnings() {
		p := report.Problem{File: rel(w.File), Line: w.Line, Message: "schema: " + w.Message}
		if k := p.String(); !s.warnings[k] {
			s.warnings[k] = true
			s.problems = append(s.problems, p)
		}
	}
	if r.Err != nil {
		p := report.Problem{Message: "schema: " + r.Err.Error()}
		if k := p.String(); !s.warnings[k] {
			s.warnings[k] = true
			s.problems = append(s.problems, p)
		}
	}
	for _, t := range r.Unknown {
		s.unknown[t] = true
	}
}

// fill puts the counts in the report's stats, and the warnings, with
// their file and line, in its errors.
func (s *schemaStats) fill(rep *report.Report) {
	rep.Stats.SchemaFiles = len(s.files)
	rep.Stats.SchemaWarnings = len(s.warnings)
	rep.Stats.UnknownTables = len(s.unknown)
	rep.Stats.SchemaSkipped = len(s.skipped)
	rep.SchemaSkippedFiles = slices.Sorted(maps.Keys(s.skipped))
	rep.Errors = append(rep.Errors, s.problems...)
}
