// Package store keeps devices in SQL behind an interface.
package store

import (
	"database/sql"
	"errors"
)

var ErrNotFound = errors.New("store: not found")

type Device struct {
	ID    int64
	Token string
}

type Devices interface {
	Get(id int64) (*Device, error)
	Delete(token string) error
	Deactivate(token string) error
}

type sqlDevices struct{ db *sql.DB }

func New(db *sql.DB) Devices { return &sqlDevices{db: db} }

func (s *sqlDevices) Get(id int64) (*Device, error) {
	var d Device
	err := s.db.QueryRow("SELECT id, token FROM devices WHERE id = $1", id).Scan(&d.ID, &d.Token)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &d, err
}

func (s *sqlDevices) Delete(token string) error {
	_, err := s.db.Exec("DELETE FROM devices WHERE token = $1", token)
	return err
}

func (s *sqlDevices) Deactivate(token string) error {
	_, err := s.db.Exec("UPDATE devices SET active = false WHERE token = $1", token)
	return err
}
