// Package store reads users through dbr, which sqlheat does not read.
package store

import "github.com/gocraft/dbr/v2"

type User struct{ ID, Name string }

func UserByID(s *dbr.Session, id string) (User, error) {
	var u User
	err := s.Select("id", "name").From("users").Where("id = ?", id).LoadOne(&u)
	return u, err
}
