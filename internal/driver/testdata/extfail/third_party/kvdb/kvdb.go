// Package kvdb keeps values in a SQL table: a store, though another
// module's.
package kvdb

import (
	"database/sql"
	"errors"
)

var ErrNotFound = errors.New("kvdb: not found")

type KV struct{ DB *sql.DB }

func (k *KV) Get(key string) (string, error) {
	var v string
	err := k.DB.QueryRow("SELECT v FROM kv WHERE k = $1", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return v, err
}
