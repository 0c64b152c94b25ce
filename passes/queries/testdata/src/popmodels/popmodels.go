// Package popmodels declares a pop model that another package queries
// (its TableName is known there through a fact).
package popmodels // want `stats: 0 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"

	"github.com/ory/pop/v6"
)

// Tokens is the connection the models are validated against.
var Tokens *pop.Connection

const prefix = "selfservice_"

type Token struct {
	ID    string `db:"id"`
	Token string `db:"token"`
}

func (Token) TableName(context.Context) string { return prefix + "tokens" }

// Paginate is a scope made in this package: code its callers' pass
// cannot read.
func Paginate[T any](size int) pop.ScopeFunc {
	return func(q *pop.Query) *pop.Query { return q.Where("id > ?", size).Limit(size) }
}
