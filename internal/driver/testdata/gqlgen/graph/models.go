package graph

import (
	"context"
	"database/sql"
)

type Order struct {
	ID int64
	db *sql.DB
}

// Total is a model method the generated code calls for the field.
func (o *Order) Total(ctx context.Context) int64 {
	var n int64
	o.db.QueryRowContext(ctx, "SELECT sum(price) FROM order_items WHERE order_id = $1", o.ID).Scan(&n)
	return n
}
