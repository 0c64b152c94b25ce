// Package pooled keeps its connection or not, as configured: its
// PermanentConnection is no constant.
package pooled

import "database/sql"

type Pooled struct {
	db        *sql.DB
	permanent bool
}

func New(db *sql.DB, permanent bool) *Pooled { return &Pooled{db, permanent} }

func (p *Pooled) PermanentConnection() bool { return p.permanent }

func (p *Pooled) Connect(token string) {
	p.db.Exec("UPDATE pool SET used = used + 1")
}

func (p *Pooled) Close(token string) {}

func (p *Pooled) UserName(id string) string { return id }
