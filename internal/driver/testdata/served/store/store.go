// Package store runs the queries.
package store

import "database/sql"

var DB *sql.DB

func GetKeys(id string) (string, error) {
	var k string
	err := DB.QueryRow("SELECT key FROM device_keys WHERE id = $1", id).Scan(&k)
	return k, err
}

func GetHome(id string) (string, error) {
	var h string
	err := DB.QueryRow("SELECT home FROM devices WHERE id = $1", id).Scan(&h)
	return h, err
}

func ListItems() {
	DB.Query("SELECT id FROM items")
}
