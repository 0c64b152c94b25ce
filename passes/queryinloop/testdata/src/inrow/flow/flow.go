// Package flow runs queries per item of lists rows hold.
package flow

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"github.com/lib/pq"
	"gorm.io/gorm"

	"inrow/model"
)

type Group struct {
	ID      int64
	Members pq.StringArray `gorm:"type:text[]"`
	Limits  Limits
}

// Limits are a group's limits, a JSON column scanned by the type.
type Limits []Limit

type Limit struct{ Table string }

func (l *Limits) Scan(src interface{}) error { return nil }

type Server struct{ ID uint64 }

// Active states of one order: a JSON column, a few by the process's design.
func States(db *gorm.DB, id uint64) {
	var order model.Order
	db.First(&order, id)
	var states []map[string]interface{}
	if err := json.Unmarshal(order.State, &states); err != nil {
		return
	}
	for _, s := range states {
		db.Where("state = ?", s["id"]).Find(&[]model.Line{})
		// A part of an item of the list is in the row too.
		for _, p := range s["processor"].([]interface{}) {
			db.Where("id = ?", p).First(&Server{})
		}
	}
	for _, st := range order.Steps {
		db.Where("name = ?", st.Name).First(&Server{})
	}
	for _, u := range order.Watchers {
		db.Where("id = ?", u).First(&Server{}) // want `gorm SELECT from servers runs once per item of order.Watchers`
	}
	// The order's lines are rows of a table: data.
	for _, l := range order.Lines {
		db.Where("sku = ?", l.SKU).First(&Server{}) // want `gorm SELECT from servers runs once per item of order.Lines`
	}
}

// Conditions decoded by the model's AfterFind, in another package.
func Conditions(db *gorm.DB, r *model.Rule) {
	for _, c := range r.Conditions {
		db.Where("id = ?", c.ServerID).First(&Server{})
	}
	// A list the service fills with rows is not in the row.
	for _, id := range r.Servers {
		db.Where("id = ?", id).First(&Server{}) // want `gorm SELECT from servers runs once per item of r.Servers`
	}
}

// Every rule: the loop over the rows multiplies, and is reported.
func AllRules(db *gorm.DB) {
	var rules []model.Rule
	db.Find(&rules)
	for _, r := range rules {
		for _, c := range r.Conditions {
			db.Where("id = ?", c.ServerID).First(&Server{}) // want `gorm SELECT from servers runs once per item of rules`
		}
	}
}

// A Postgres array of names is a relation kept in the row: data. A type
// scanning records from a column is the row's own.
func Members(db *gorm.DB, g *Group) {
	for _, m := range g.Members {
		db.Where("name = ?", m).First(&Server{}) // want `gorm SELECT from servers runs once per item of g.Members`
	}
	for _, l := range g.Limits {
		db.Where("name = ?", l.Table).First(&Server{})
	}
}

// A column a result set's Scan filled, decoded.
func Scanned(db *sql.DB, tx *gorm.DB, id int64) {
	var raw []byte
	db.QueryRow("SELECT flags FROM features WHERE id = $1", id).Scan(&raw)
	var flags []struct{ Name string }
	_ = json.Unmarshal(raw, &flags)
	for _, f := range flags {
		tx.Where("name = ?", f.Name).First(&Server{})
	}
}

// A request's body is not a row: the list is as long as the client sends.
func Body(db *gorm.DB, w http.ResponseWriter, r *http.Request) {
	var body []byte
	r.Body.Read(body)
	var ids []uint64
	_ = json.Unmarshal(body, &ids)
	for _, id := range ids {
		db.Where("id = ?", id).First(&Server{}) // want `gorm SELECT from servers runs once per item of ids`
	}
	// Nor is a request struct's raw field.
	var req struct{ Items json.RawMessage }
	_ = json.NewDecoder(r.Body).Decode(&req)
	var items []uint64
	_ = json.Unmarshal(req.Items, &items)
	for _, id := range items {
		db.Where("id = ?", id).First(&Server{}) // want `gorm SELECT from servers runs once per item of items`
	}
	// A list filled from the row, then from anything else, is data.
	var order model.Order
	db.First(&order)
	var more []uint64
	_ = json.Unmarshal(order.State, &more)
	fill(&more)
	for _, id := range more {
		db.Where("id = ?", id).First(&Server{}) // want `gorm SELECT from servers runs once per item of more`
	}
}

func fill(ids *[]uint64) {}
