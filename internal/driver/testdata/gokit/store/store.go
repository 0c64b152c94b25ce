package store

import "database/sql"

type Repo struct{ DB *sql.DB }

func (r *Repo) Create(name string) {
	r.DB.Exec("INSERT INTO pats (name) VALUES ($1)", name)
}

func (r *Repo) Retrieve(id string) {
	r.DB.QueryRow("SELECT name FROM pats WHERE id = $1", id)
}

func (r *Repo) Delete(id string) {
	r.DB.Exec("DELETE FROM pats WHERE id = $1", id)
}

func (r *Repo) List() {
	r.DB.Query("SELECT id, name FROM pats")
}

func (r *Repo) Scopes(id string) {
	r.DB.Query("SELECT scope FROM pat_scopes WHERE pat_id = $1", id)
}

func (r *Repo) Owner(token string) string {
	var id string
	r.DB.QueryRow("SELECT user_id FROM tokens WHERE token = $1", token).Scan(&id)
	return id
}

func (r *Repo) Purge() {
	r.DB.Exec("DELETE FROM pats")
}
