package store

import "database/sql"

var DB *sql.DB

func UserByToken(tok string) string {
	var id string
	DB.QueryRow("SELECT user_id FROM tokens WHERE token = $1", tok).Scan(&id)
	return id
}

func Item(id string) {
	DB.QueryRow("SELECT name FROM items WHERE id = $1", id)
}

func Items() {
	DB.Query("SELECT id, name FROM items")
}

func DeleteItems(user string) {
	DB.Exec("DELETE FROM items WHERE owner = $1", user)
}

func Count() {
	DB.QueryRow("SELECT count(*) FROM items")
}

func Session(sid string) {
	DB.QueryRow("SELECT user_id FROM sessions WHERE id = $1", sid)
}

func Audit(path string) {
	DB.Exec("INSERT INTO audit (path) VALUES ($1)", path)
}

func Orders() {
	DB.Query("SELECT id FROM orders")
}

func Order(id string) {
	DB.QueryRow("SELECT total FROM orders WHERE id = $1", id)
}

func Export() {
	DB.Query("SELECT * FROM orders")
}
