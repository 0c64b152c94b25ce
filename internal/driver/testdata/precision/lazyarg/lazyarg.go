// Package lazyarg downloads a release once: Download runs its query only
// while the release it is handed has no file yet, and fills the file
// (through a helper it hands the release to, in the closure the helper
// hands back). A loop of checks handing it one release runs the query
// once; a loop handing it each item's release runs it per item.
package lazyarg

import (
	"database/sql"
	"errors"
)

type Release struct {
	ID      int64
	URL     string
	TmpFile string
	Meta    *Meta
	Tags    []string
}

type Meta struct{ Name string }

type Downloads struct{ db *sql.DB }

// Download returns at once when the release was downloaded already.
func (s *Downloads) Download(r *Release) error {
	if r.URL == "" {
		return errors.New("no url")
	} else if r.TmpFile != "" {
		return nil // already downloaded
	}
	var name string
	if err := s.db.QueryRow("SELECT name FROM indexers WHERE release_id = $1", r.ID).Scan(&name); err != nil {
		return err
	}
	return retry(fetch(r, name))
}

func fetch(r *Release, name string) func() error {
	return func() error {
		r.TmpFile = "/tmp/" + name
		return nil
	}
}

func retry(f func() error) error { return f() }

// Checks runs the checks of one release: one download.
func Checks(s *Downloads, checks []string, r *Release) {
	for _, c := range checks {
		if c == "" {
			continue
		}
		s.Download(r) // silent: the same release for every check
	}
}

// PerID makes a release per id: a download per item.
func PerID(s *Downloads, ids []int64) {
	for _, id := range ids {
		r := &Release{ID: id, URL: "u"}
		s.Download(r) // reported: a release made per item
	}
}

// Each downloads each release of a list: a download per item.
func Each(s *Downloads, rs []*Release) {
	for _, r := range rs {
		s.Download(r) // reported: the loop's item
	}
}

// Indexed likewise, by index.
func Indexed(s *Downloads, rs []Release) {
	for i := range rs {
		s.Download(&rs[i]) // reported: the loop's item
	}
}

// Meta fills the release's metadata when it has none (the fill form).
func (s *Downloads) Meta(r *Release) *Meta {
	if r.Meta == nil {
		r.Meta = s.loadMeta(r.ID)
	}
	return r.Meta
}

func (s *Downloads) loadMeta(id int64) *Meta {
	m := &Meta{}
	s.db.QueryRow("SELECT name FROM meta WHERE release_id = $1", id).Scan(&m.Name)
	return m
}

// Fields reads the metadata per field of one release: one query.
func Fields(s *Downloads, fields []string, r *Release) []string {
	var out []string
	for range fields {
		out = append(out, s.Meta(r).Name) // silent: the same release
	}
	return out
}

// MetaOf reads the metadata of each release: a query per item.
func MetaOf(s *Downloads, rs []*Release) {
	for _, r := range rs {
		s.Meta(r) // reported: the loop's item
	}
}

// Tagged tests a field it never sets: the query runs on every call.
func (s *Downloads) Tagged(r *Release) error {
	if len(r.Tags) > 0 {
		return nil
	}
	_, err := s.db.Exec("UPDATE releases SET seen = true WHERE id = $1", r.ID)
	return err
}

// Retag runs the checks of one release through Tagged: per check.
func Retag(s *Downloads, checks []string, r *Release) {
	for range checks {
		s.Tagged(r) // reported: Tagged never fills r.Tags
	}
}

// Locate fills the release's URL through a closure it hands a helper:
// the graph does not follow the release into the closure, whose query
// runs per call, not once per process.
func (s *Downloads) Locate(r *Release) {
	if r.URL == "" {
		r.URL = pick(func() string {
			var u string
			s.db.QueryRow("SELECT url FROM mirrors WHERE release_id = $1", r.ID).Scan(&u)
			return u
		})
	}
}

func pick(f func() string) string { return f() }

// LocateEach locates each release: a query per item.
func LocateEach(s *Downloads, rs []*Release) {
	for _, r := range rs {
		s.Locate(r) // reported: the closure's query, per item
	}
}
