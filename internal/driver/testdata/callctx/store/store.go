// Package store runs the statements.
package store

import "database/sql"

type Store struct{ DB *sql.DB }

func (s *Store) ApplicationByToken(token string) int64 {
	var id int64
	s.DB.QueryRow("SELECT id FROM applications WHERE token = $1", token).Scan(&id)
	return id
}

func (s *Store) ClientByToken(token string) int64 {
	var id int64
	s.DB.QueryRow("SELECT id FROM clients WHERE token = $1", token).Scan(&id)
	return id
}

func (s *Store) UserByName(name string) int64 {
	var id int64
	s.DB.QueryRow("SELECT id FROM users WHERE name = $1", name).Scan(&id)
	return id
}

func (s *Store) IsAdmin(id int64) bool {
	var admin bool
	s.DB.QueryRow("SELECT admin FROM users WHERE id = $1", id).Scan(&admin)
	return admin
}

func (s *Store) DeleteUser(id int64) error {
	_, err := s.DB.Exec("DELETE FROM users WHERE id = $1", id)
	return err
}

func (s *Store) CreateUser(name string) int64 {
	var id int64
	s.DB.QueryRow("INSERT INTO users (name) VALUES ($1) RETURNING id", name).Scan(&id)
	return id
}

func (s *Store) RemovePlugins(id int64) error {
	_, err := s.DB.Exec("DELETE FROM plugins WHERE user_id = $1", id)
	return err
}

func (s *Store) InitPlugins(id int64) error {
	_, err := s.DB.Exec("INSERT INTO plugins (user_id) VALUES ($1)", id)
	return err
}

func (s *Store) Summary(user int64, projects []string) int64 {
	var n int64
	s.DB.QueryRow("SELECT count(*) FROM summaries WHERE user_id = $1", user).Scan(&n)
	return n
}

func (s *Store) Aliases(user int64, key string) []string {
	var alias string
	s.DB.QueryRow("SELECT alias FROM aliases WHERE user_id = $1 AND key = $2", user, key).Scan(&alias)
	return []string{alias}
}

func (s *Store) Page(user int64, limit int) int64 {
	var n int64
	s.DB.QueryRow("SELECT count(*) FROM heartbeats WHERE user_id = $1 LIMIT $2", user, limit).Scan(&n)
	return n
}

func (s *Store) LogRename(id int64) error {
	_, err := s.DB.Exec("INSERT INTO renames (user_id) VALUES ($1)", id)
	return err
}
