// Package ent is a stub of entgo.io/ent: what generated code refers to.
package ent

// Op is the operation of a mutation.
type Op uint

const (
	OpCreate Op = 1 << iota
	OpUpdate
	OpUpdateOne
	OpDelete
	OpDeleteOne
)

// Value is a value of a field.
type Value any
