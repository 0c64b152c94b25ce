// Package persistence implements the data store: each repository embeds
// a generic base that runs the SQL.
package persistence

import (
	"context"
	"database/sql"

	"example.com/inventory/model"
)

type SQLStore struct{ db *sql.DB }

func New(db *sql.DB) model.DataStore { return &SQLStore{db: db} }

func (s *SQLStore) Album(ctx context.Context) model.AlbumRepository {
	return newAlbumRepository(ctx, s.db)
}

func (s *SQLStore) User(ctx context.Context) model.UserRepository {
	return newUserRepository(ctx, s.db)
}

func (s *SQLStore) Resource(ctx context.Context, m any) model.ResourceRepository {
	switch m.(type) {
	case model.Album:
		return s.Album(ctx).(model.ResourceRepository)
	case model.User:
		return s.User(ctx).(model.ResourceRepository)
	}
	return nil
}

type sqlRepository[T any] struct {
	ctx   context.Context
	db    *sql.DB
	table string
}

func (r sqlRepository[T]) queryOne(q string, args ...any) error {
	return r.db.QueryRowContext(r.ctx, q, args...).Scan()
}

func (r sqlRepository[T]) queryAll(q string, args ...any) error {
	rows, err := r.db.QueryContext(r.ctx, q, args...)
	if err != nil {
		return err
	}
	return rows.Close()
}

// Count, Read and ReadAll serve the REST handlers.
func (r sqlRepository[T]) Count() (int64, error) {
	return 0, r.queryOne("SELECT count(*) FROM " + r.table)
}

func (r sqlRepository[T]) Read(id string) (any, error) {
	return nil, r.queryOne("SELECT * FROM "+r.table+" WHERE id = $1", id)
}

func (r sqlRepository[T]) ReadAll() (any, error) {
	return nil, r.queryAll("SELECT * FROM " + r.table)
}

func (r sqlRepository[T]) exec(q string, args ...any) error {
	_, err := r.db.ExecContext(r.ctx, q, args...)
	return err
}

type albumRepository struct{ sqlRepository[model.Album] }

func newAlbumRepository(ctx context.Context, db *sql.DB) model.AlbumRepository {
	r := &albumRepository{}
	r.ctx, r.db, r.table = ctx, db, "album"
	return r
}

func (r *albumRepository) Get(id string) (*model.Album, error) {
	return nil, r.queryOne("SELECT id, name FROM album WHERE id = $1", id)
}

func (r *albumRepository) GetAll() ([]model.Album, error) {
	return nil, r.queryAll("SELECT id, name FROM album")
}

func (r *albumRepository) Search(q string) ([]model.Album, error) {
	return nil, r.queryAll("SELECT id, name FROM album WHERE name LIKE $1", q)
}

type userRepository struct{ sqlRepository[model.User] }

func newUserRepository(ctx context.Context, db *sql.DB) model.UserRepository {
	r := &userRepository{}
	r.ctx, r.db, r.table = ctx, db, "users"
	return r
}

func (r *userRepository) FindByName(name string) (*model.User, error) {
	return nil, r.queryOne("SELECT id, name FROM users WHERE name = $1", name)
}

func (r *userRepository) UpdateLastAccess(id string) error {
	return r.exec("UPDATE users SET last_access = now() WHERE id = $1", id)
}

func (r *userRepository) CountAll() (int, error) {
	return 0, r.queryOne("SELECT count(*) FROM users")
}
