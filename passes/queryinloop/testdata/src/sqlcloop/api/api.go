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
		q.ListBooksByAuthor(ctx, a) // fix `^add a query like ListBooksByAuthor that fetches the rows of all items in one query \(WHERE author_id = ANY\(@author_ids::type\[\]\)\) and call it once before the loop$` // want `^db.\(\*Queries\).ListBooksByAuthor \(queries/books.sql:1\) runs once per item of authors: n round trips`
	}
}

func Books(ctx context.Context, q *db.Queries, ids []int64) {
	for _, id := range ids {
		q.GetBook(ctx, id) // want `^db.\(\*Queries\).GetBook \(queries/books.sql:5\) runs once per item of ids`
	}
}
