// Package model holds rows whose lists live in their columns.
package model

import (
	"encoding/json"

	"gorm.io/gorm"
)

// Rule is an alert rule; its conditions are one JSON column, decoded when
// gorm loads the row.
type Rule struct {
	ID         uint64      `gorm:"primaryKey"`
	RulesRaw   string      `gorm:"column:rules"`
	Conditions []Condition `gorm:"-"`
	// Servers is filled by the service from the servers table.
	Servers []uint64 `gorm:"-"`
}

// Condition is one condition of a rule.
type Condition struct {
	Type     string
	ServerID uint64
}

// AfterFind decodes the conditions.
func (r *Rule) AfterFind(tx *gorm.DB) error {
	return json.Unmarshal([]byte(r.RulesRaw), &r.Conditions)
}

// Order is a work order; its active states are a JSON column.
type Order struct {
	ID    uint64
	State json.RawMessage `gorm:"column:state;type:json"`
	Steps []Step          `gorm:"serializer:json"`
	// Watchers are user ids kept in the row: a relation, as long as
	// the users table.
	Watchers []string `gorm:"serializer:json"`
	Lines    []Line   // a table of its own: has-many
}

// Step is one step of an order's process.
type Step struct{ Name string }

// Line is an order line, a row of its own table.
type Line struct {
	ID      uint64
	OrderID uint64
	SKU     string
}

func (Order) TableName() string { return "orders" }
