// Package api calls sqlc's generated methods in loops: the findings name
// the query by its sqlc name and its place in the .sql file, not by the
// constant sqlc generated.
package api

import (
	"context"

	"sqlcloop/db"
)

func Shelves(ctx context.Context, q *db.Queries, authors []int64) {
	for _, a := range authors {
		q.ListBooksByAuthor(ctx, a) // want `db.\(\*Queries\).ListBooksByAuthor runs query ListBooksByAuthor \(queries/books.sql:1\), and is called once per item of authors`
	}
}

func Books(ctx context.Context, q *db.Queries, ids []int64) {
	for _, id := range ids {
		q.GetBook(ctx, id) // want `db.\(\*Queries\).GetBook runs query GetBook \(queries/books.sql:5\), and is called once per item of ids`
	}
}
