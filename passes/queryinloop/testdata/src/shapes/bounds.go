package shapes

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"log"
)

var errTooMany = errors.New("too many")

// validateRange fails when n is outside [min, max], as validation
// helpers do.
func validateRange(name string, n, min, max int) error {
	if n < min || n > max {
		return errors.New(name + " out of range")
	}
	return nil
}

func validateMany(errs ...error) error { return errors.Join(errs...) }

// Labels takes at most five labels, checked before the loop.
func (s *Store) Labels(ctx context.Context, labels []string) error {
	if len(labels) > 5 {
		return errTooMany
	}
	for _, l := range labels {
		s.insertKind(ctx, l) // silent: at most 5
	}
	return nil
}

// Named checks a length it names in the if's init.
func (s *Store) Named(ctx context.Context, labels, ids []string) error {
	if n := len(labels); n > 5 {
		return errTooMany
	}
	for _, l := range labels {
		s.insertKind(ctx, l) // silent: at most 5
	}
	if n := len(ids); n > 500 {
		return errTooMany
	}
	for _, id := range ids {
		s.insertKind(ctx, id) // want `once per item of ids`
	}
	return nil
}

// Keys and Tags are checked by a validator, whose error leaves.
func (s *Store) Keys(ctx context.Context, keys, tags []string) error {
	err := validateMany(validateRange("keys", len(keys), 0, 3), validateRange("tags", len(tags), 0, 50))
	if err != nil {
		return err
	}
	for _, k := range keys {
		s.insertKind(ctx, k) // silent: at most 3
	}
	for _, t := range tags {
		s.insertKind(ctx, t) // want `once per item of tags`
	}
	if err := validateRange("tags", len(tags), 1, 4); err != nil {
		return err
	}
	for i := 0; i < len(tags); i++ {
		s.insertKind(ctx, tags[i]) // silent: at most 4
	}
	return nil
}

// Page checks a page's size: a page is data.
func (s *Store) Page(ctx context.Context, ids []int64) error {
	if len(ids) > 100 {
		return errTooMany
	}
	for _, id := range ids {
		s.user(ctx, id) // want `once per item of ids`
	}
	return nil
}

// Warned only logs: the loop runs whatever the length.
func (s *Store) Warned(ctx context.Context, ids []int64) {
	if len(ids) > 5 {
		log.Print("many ids")
	}
	for _, id := range ids {
		s.user(ctx, id) // want `once per item of ids`
	}
}

//go:embed templates
var templates embed.FS

// Templates stores each embedded template: as many as the build holds.
func (s *Store) Templates(ctx context.Context) {
	entries, _ := fs.ReadDir(templates, "templates")
	for _, e := range entries {
		s.insertKind(ctx, e.Name()) // silent: the embedded files
	}
	sub, _ := fs.Sub(templates, "templates")
	names, _ := fs.Glob(sub, "*.yaml")
	for _, n := range names {
		s.insertKind(ctx, n) // silent: the embedded files
	}
}

// Latest looks up the three latest users' names, and then a page's.
func (s *Store) Latest(ctx context.Context, n int) {
	rows, _ := s.db.QueryContext(ctx, "SELECT id FROM users ORDER BY created_at DESC LIMIT 3")
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		s.user(ctx, id) // silent: three rows at most
	}
	page, _ := s.db.QueryContext(ctx, "SELECT id FROM users ORDER BY created_at DESC LIMIT $1", n)
	for page.Next() {
		var id int64
		page.Scan(&id)
		s.user(ctx, id) // want `once per row of page`
	}
}

// encrypted lists, per table, its columns and their ciphered twins: a
// fixed map of fixed maps.
var encrypted = map[string]map[string]string{
	"endpoints": {"secret": "secret_cipher", "api_key": "api_key_cipher"},
	"sources":   {"token": "token_cipher"},
}

// Encrypt walks each table's columns: both loops are over the literal.
func (s *Store) Encrypt(ctx context.Context) {
	for table, columns := range encrypted {
		for column := range columns {
			s.insertKind(ctx, table+"."+column) // silent: a fixed map of fixed maps
		}
	}
}

// byTable's values are filled at run time: only the outer loop is fixed.
var byTable = map[string][]string{
	"endpoints": loadColumns("endpoints"),
}

func loadColumns(string) []string { return nil }

// EncryptLoaded walks columns loaded at run time, per item.
func (s *Store) EncryptLoaded(ctx context.Context) {
	for _, columns := range byTable {
		for _, column := range columns {
			s.insertKind(ctx, column) // want `once per item of columns`
		}
	}
}

// EncryptChanged ranges over another list inside: the element's own
// literal says nothing of it.
func (s *Store) EncryptChanged(ctx context.Context, extra []string) {
	for _, columns := range encrypted {
		for _, column := range extra {
			s.insertKind(ctx, column+columns["secret"]) // want `once per item of extra`
		}
	}
}

// maxTargets caps the targets one message goes to.
const maxTargets = 4

// Message sends to at most maxTargets of the targets named: the loop
// leaves at the cap.
func (s *Store) Message(ctx context.Context, targets []string) {
	for i, t := range targets {
		if i == maxTargets {
			break
		}
		s.insertKind(ctx, t) // silent: at most 4
	}
	sent := 0
	for _, t := range targets {
		if t == "" {
			continue
		}
		if sent >= 3 || ctx.Err() != nil {
			return
		}
		s.insertKind(ctx, t) // silent: at most 3
		sent++
	}
}

// MessageMany's caps do not hold: a page of 50, a counter incremented
// only for some items, a check that does not leave the loop, and an
// index of another loop.
func (s *Store) MessageMany(ctx context.Context, targets []string) {
	for i, t := range targets {
		if i >= 50 {
			break
		}
		s.insertKind(ctx, t) // want `once per item of targets`
	}
	sent := 0
	for _, t := range targets {
		if sent == 3 {
			break
		}
		if t != "" {
			sent++
		}
		s.insertKind(ctx, t) // want `once per item of targets`
	}
	for i, t := range targets {
		if i == 3 {
			log.Print("more than three")
		}
		s.insertKind(ctx, t) // want `once per item of targets`
	}
	for j := range 5 {
		for _, t := range targets {
			if j == 2 {
				break
			}
			s.insertKind(ctx, t) // want `once per item of targets`
		}
	}
}
