package async

import "context"

// Upgrade starts the schema's upgrade in the background: an admin's
// wizard, run once per deployment. The goroutine's function is named for
// a migration: a migration, not a job.
func (s *Service) Upgrade(ctx context.Context) {
	go s.runMigration()
	go s.reindex()
}

func (s *Service) runMigration() {
	s.db.Exec(`UPDATE items SET v2 = v1`) // migrate
}

// reindex is named for no migration: a job.
func (s *Service) reindex() {
	s.db.Exec(`REINDEX TABLE items`) // reindex
}
