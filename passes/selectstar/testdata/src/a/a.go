package a

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
	"sqlconst"
)

type Order struct{ ID int64 }

const orderByID = "SELECT * FROM orders WHERE id = $1" // want `SELECT \* fetches every column of orders`

func Stars(ctx context.Context, db *sql.DB, x *sqlx.DB) {
	db.QueryRowContext(ctx, orderByID, 1)
	// The same literal through a second call is reported once, above.
	db.QueryRowContext(ctx, orderByID, 2)

	db.QueryContext(ctx, "SELECT o.* FROM orders o JOIN users u ON u.id = o.user_id WHERE u.id = $1", 1) // want `SELECT o\.\* fetches every column of orders`

	db.QueryContext(ctx, sqlconst.AllOrders) // want `SELECT \* fetches every column of orders`

	var o []Order
	x.SelectContext(ctx, &o, "SELECT * FROM orders WHERE status = ?", "new") // want `SELECT \* fetches every column of orders`

	db.QueryContext(ctx, `SELECT * FROM orders UNION ALL SELECT * FROM archived_orders`) // want `SELECT \* fetches every column of orders` `SELECT \* fetches every column of archived_orders`

	// A star inside a CTE whose rows the statement returns whole.
	db.QueryContext(ctx, `WITH recent AS (SELECT * FROM orders WHERE total > $1) SELECT * FROM recent`, 10)                                                                          // want `SELECT \* fetches every column of orders`
	db.QueryContext(ctx, `WITH locked AS (SELECT * FROM orders WHERE id = $1 FOR UPDATE) UPDATE orders SET total = 0 FROM locked WHERE orders.id = locked.id RETURNING locked.*`, 1) // want `SELECT \* fetches every column of orders`
}

// Silent: a star inside a CTE or subquery whose columns the statement
// does not return (it picks columns, or only locks, counts or joins).
func Nested(ctx context.Context, db *sql.DB) {
	db.ExecContext(ctx, `WITH locked AS (SELECT * FROM orders WHERE id = $1 FOR UPDATE)
		UPDATE orders SET total = 0 FROM locked WHERE orders.id = locked.id`, 1)
	db.QueryRowContext(ctx, `WITH x AS (SELECT * FROM orders) SELECT count(*) FROM x`)
	db.QueryContext(ctx, `SELECT o.id FROM (SELECT * FROM orders) o`)
	db.QueryContext(ctx, `SELECT u.*, x.total * 2 FROM users u JOIN (SELECT * FROM orders) x ON x.user_id = u.id`) // want `SELECT u\.\* fetches every column of users`
}

// Silent: no column of a table is fetched by these stars.
func Silent(ctx context.Context, db *sql.DB) {
	db.QueryRowContext(ctx, "SELECT count(*) FROM orders")                                                      // aggregate
	db.QueryContext(ctx, "SELECT id, COUNT(*) OVER () FROM orders")                                             // window aggregate
	db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1) RETURNING *", 1)                                   // RETURNING
	db.QueryContext(ctx, "SELECT id FROM users u WHERE EXISTS (SELECT * FROM orders o WHERE o.user_id = u.id)") // EXISTS body
	db.QueryContext(ctx, "WITH recent AS (SELECT id, total FROM orders) SELECT * FROM recent")                  // star over a CTE
	db.QueryContext(ctx, "SELECT * FROM generate_series(1, 10)")                                                // set-returning function
	db.QueryContext(ctx, "SELECT * FROM (SELECT id FROM orders) sub")                                           // subquery
	db.QueryContext(ctx, "SELECT id, total FROM orders")                                                        // explicit columns
}
