package service

import (
	"context"
	"database/sql"

	"capped/domain"
)

type Service struct{ db *sql.DB }

func (s *Service) template(ctx context.Context, id string) (string, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM templates WHERE id = $1`, id).Scan(&body)
	return body, err
}

// Templates loads a broadcast's variations' templates: eight at most,
// by the domain's validation.
func (s *Service) Templates(ctx context.Context, b *domain.Broadcast) error {
	for _, v := range b.TestSettings.Variations {
		if _, err := s.template(ctx, v.TemplateID); err != nil { // silent: validation caps the variations at 8
			return err
		}
	}
	return nil
}

// Notify runs per recipient, of up to 500: a page of them.
func (s *Service) Notify(ctx context.Context, b *domain.Broadcast) {
	for _, r := range b.TestSettings.Recipients {
		s.db.ExecContext(ctx, `INSERT INTO notices (broadcast_id, email) VALUES ($1, $2)`, b.ID, r) // want `INSERT into notices runs once per item of b.TestSettings.Recipients`
	}
}

// TagAll runs per tag: the domain trims tags, it does not turn a long
// list down, and trimming happens where it is called only.
func (s *Service) TagAll(ctx context.Context, b *domain.Broadcast) {
	for _, t := range b.TestSettings.Tags {
		s.db.ExecContext(ctx, `INSERT INTO tags (broadcast_id, tag) VALUES ($1, $2)`, b.ID, t) // want `INSERT into tags runs once per item of b.TestSettings.Tags`
	}
}

// LabelAll runs per label: the check on them returns no error.
func (s *Service) LabelAll(ctx context.Context, b *domain.Broadcast) {
	for _, l := range b.TestSettings.Labels {
		s.db.ExecContext(ctx, `INSERT INTO labels (broadcast_id, label) VALUES ($1, $2)`, b.ID, l) // want `INSERT into labels runs once per item of b.TestSettings.Labels`
	}
}

type request struct{ IDs []string }

// check caps a request's ids in this package.
func check(r *request) error {
	if len(r.IDs) > 5 {
		return errCapped
	}
	return nil
}

// Lookup loops over ids its own package caps at five.
func (s *Service) Lookup(ctx context.Context, r *request) {
	for _, id := range r.IDs {
		s.template(ctx, id) // silent: five at most
	}
}

var errCapped = errorString("at most 5 ids")

type errorString string

func (e errorString) Error() string { return string(e) }
