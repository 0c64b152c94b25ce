// Package baseline records the findings a team has accepted for now, so
// that CI fails only on new ones.
//
// Adopting a linter on a large code base starts with hundreds of findings;
// a baseline lets a team switch sqlheat on today and pay the debt down over
// time. An entry must survive unrelated edits: line numbers shift with
// every change above a finding, so entries are keyed by the check, the
// kind of finding, the enclosing function, the file and the statement's
// pg_query fingerprint (or, without SQL, the message with its numbers
// masked). Identical keys are counted, so a second copy of an accepted N+1
// in the same function is still new.
package baseline

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/sqlheat/sqlheat/internal/report"
)

// Version is the baseline file's format version.
const Version = 1

// File is the baseline on disk.
type File struct {
	Version int     `json:"version"`
	Tool    string  `json:"tool"`
	Entries []Entry `json:"entries"`
}

// Entry is one accepted finding. Line is informational only.
type Entry struct {
	Key     string `json:"key"`
	Check   string `json:"check"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Count   int    `json:"count"`
}

// Key is the line-independent identity of a finding.
func Key(f report.Finding) string {
	what := f.Fingerprint
	if what == "" {
		what = maskNumbers(f.Message)
	}
	return strings.Join([]string{f.Check, f.Kind, f.File, f.Function, what}, "|")
}

// maskNumbers replaces every run of digits with "#", so "(orders.go:46)"
// and "4 queries" do not tie an entry to a line or a count.
func maskNumbers(s string) string {
	var b strings.Builder
	inDigits := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			if !inDigits {
				b.WriteByte('#')
			}
			inDigits = true
			continue
		}
		inDigits = false
		b.WriteRune(r)
	}
	return b.String()
}

// Write records the report's findings as the baseline at path.
func Write(path string, rep *report.Report) error {
	byKey := map[string]*Entry{}
	var keys []string
	for _, f := range rep.Findings {
		k := Key(f)
		if e, ok := byKey[k]; ok {
			e.Count++
			continue
		}
		byKey[k] = &Entry{Key: k, Check: f.Check, File: f.File, Line: f.Line, Message: f.Message, Count: 1}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := File{Version: Version, Tool: "sqlheat", Entries: []Entry{}}
	for _, k := range keys {
		out.Entries = append(out.Entries, *byKey[k])
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Read loads a baseline file.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a sqlheat baseline: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, want %d", path, f.Version, Version)
	}
	return &f, nil
}

// Filter removes the findings the baseline accepts from rep and returns
// how many it hid and how many entries matched nothing any more (stale:
// fixed or deleted code, which can be dropped from the baseline).
func Filter(rep *report.Report, b *File) (hidden, stale int) {
	left := map[string]int{}
	for _, e := range b.Entries {
		left[e.Key] += max(e.Count, 1)
	}
	var keep []report.Finding
	for _, f := range rep.Findings {
		k := Key(f)
		if left[k] > 0 {
			left[k]--
			hidden++
			continue
		}
		keep = append(keep, f)
	}
	for _, n := range left {
		stale += n
	}
	rep.Findings = keep
	return hidden, stale
}
