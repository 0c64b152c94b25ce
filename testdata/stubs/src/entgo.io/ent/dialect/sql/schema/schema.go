// Package schema is a stub of entgo.io/ent/dialect/sql/schema: the
// tables ent's generated migrate package declares.
package schema

import "entgo.io/ent/schema/field"

// Table is a table of the database.
type Table struct {
	Name        string
	Columns     []*Column
	PrimaryKey  []*Column
	ForeignKeys []*ForeignKey
	Indexes     []*Index
}

// Column is a column of a table.
type Column struct {
	Name       string
	Type       field.Type
	Unique     bool
	Increment  bool
	Nullable   bool
	Size       int64
	SchemaType map[string]string
}

// Index is an index of a table.
type Index struct {
	Name    string
	Unique  bool
	Columns []*Column
}

// ForeignKey is a foreign key of a table.
type ForeignKey struct {
	Symbol     string
	Columns    []*Column
	RefColumns []*Column
	RefTable   *Table
	OnDelete   ReferenceOption
}

// ReferenceOption is an action on a referenced row.
type ReferenceOption string

// NoAction and SetNull are reference options.
const (
	NoAction ReferenceOption = "NO ACTION"
	SetNull  ReferenceOption = "SET NULL"
)
