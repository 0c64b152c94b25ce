package a

import (
	"context"
	"database/sql"
)

const byCustomer = `SELECT id FROM orders WHERE customer_id = $1` // fix `^add CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders \(customer_id\);$` // want `^no index serves the equality filter on orders\(customer_id\): every call reads the whole table$`

// Reported: no index leads with what the query filters, joins or sorts on.
func Reported(ctx context.Context, db *sql.DB, id int64, s string) {
	db.QueryContext(ctx, byCustomer, id)
	db.QueryContext(ctx, byCustomer, id) // the same literal: reported once, above

	// Its index was dropped by 0002.
	db.QueryContext(ctx, `SELECT id FROM orders WHERE region = $1`, s) // want `equality filter on orders\(region\)`

	db.QueryContext(ctx, `SELECT id FROM orders WHERE customer_id = $1 AND region = ANY($2)`, id, s) // fix `CREATE INDEX CONCURRENTLY idx_orders_customer_id_region ON orders \(customer_id, region\);` // want `equality filter on orders\(customer_id, region\)`

	// (tenant_id, at) does not serve at alone.
	db.QueryContext(ctx, `SELECT id FROM events WHERE at > $1`, s) // want `no index serves the range filter on events\(at\)`

	// The partial index on created_at needs status = 'open'.
	db.QueryContext(ctx, `SELECT id FROM orders WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 20`) // fix `ON orders \(created_at\);` // want `no index serves the sort with LIMIT on orders\(created_at\): every call reads and sorts the whole table`

	db.QueryContext(ctx, `SELECT id FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 10`, id) // fix `ON orders \(customer_id, created_at\);` // want `equality filter and ORDER BY on orders\(customer_id, created_at\)`

	// users is found by its unique email, then each of its orders by customer_id.
	db.QueryContext(ctx, `SELECT o.id FROM users u JOIN orders o ON o.customer_id = u.id WHERE u.email = $1`, s) // fix `^add CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders \(customer_id\);$` // want `^no index serves the join from users on orders\(customer_id\): each row found in users reads all of orders$`

	// users is not narrowed: the join to orders by its key does not help find u.
	db.QueryContext(ctx, `SELECT o.id FROM users u JOIN orders o ON o.customer_id = u.id WHERE lower(u.email) = lower($1)`, s) // want `equality filter on users\(lower\(email\)\) wraps the column in an expression`

	// users by key, then orders without an index (reported), then order_items by its index (silent).
	db.QueryContext(ctx, `SELECT i.id FROM users u JOIN orders o ON o.customer_id = u.id JOIN order_items i ON i.order_id = o.id WHERE u.id = $1 AND i.quantity > $2`, id, 1) // want `no index serves the join from users on orders\(customer_id\)`

	// The subquery probes orders once per user found by email.
	db.QueryContext(ctx, `SELECT u.id FROM users u WHERE u.email = $1 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = u.id)`, s) // want `no index serves the join from users on orders\(customer_id\)`

	// The outer query is scanned on its own: users does not drive it.
	db.QueryContext(ctx, `SELECT o.id FROM orders o WHERE o.region = $1 AND EXISTS (SELECT 1 FROM users u WHERE u.id = o.customer_id AND u.email = $2)`, s, s) // want `no index serves the equality filter on orders\(region\)`

	db.QueryContext(ctx, `SELECT id FROM products WHERE name ILIKE '%' || $1 || '%'`, s) // fix `^add a trigram index, CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX CONCURRENTLY idx_products_name_trgm ON products USING gin \(name gin_trgm_ops\); or use full-text search$` // want `^ILIKE '%…' with a leading wildcard can use no btree index on products\.name: every call reads the whole table$`

	db.QueryContext(ctx, `SELECT id FROM users WHERE lower(email) = lower($1)`, s) // fix `^compare the bare column if you can \(its own index then serves\), or add an expression index, CREATE INDEX CONCURRENTLY idx_users_lower_email ON users \(lower\(email\)\);$` // want `^the equality filter on users\(lower\(email\)\) wraps the column in an expression: every call reads the whole table$`

	db.QueryContext(ctx, `SELECT id FROM orders WHERE created_at::date = $1`, s) // fix `add an expression index, CREATE INDEX CONCURRENTLY idx_orders_created_at_date ON orders \(\(created_at::date\)\);` // want `on orders\(\(created_at::date\)\) wraps the column in an expression`

	db.ExecContext(ctx, `UPDATE orders SET note = $1 WHERE status = 'closed' AND created_at < $2`, s, s) // fix `ON orders \(status, created_at\);` // want `equality and range filter on orders\(status, created_at\)`

	db.ExecContext(ctx, `DELETE FROM order_items WHERE product_id = $1`, id) // want `equality filter on order_items\(product_id\)`

	// The subquery scans order_items; orders is then found by its key.
	db.QueryContext(ctx, `SELECT id FROM orders WHERE id IN (SELECT order_id FROM order_items WHERE product_id = $1)`, id) // want `equality filter on order_items\(product_id\)`

	db.QueryContext(ctx, `SELECT id FROM billing.invoices WHERE customer_id = $1`, id) // fix `CREATE INDEX CONCURRENTLY idx_invoices_customer_id ON billing\.invoices \(customer_id\);` // want `equality filter on billing\.invoices\(customer_id\)`

	// No filter on taken_at: every partition is read whole.
	db.QueryContext(ctx, `SELECT value FROM measurements WHERE sensor_id = $1`, id) // want `equality filter on measurements\(sensor_id\)`
}

// Silent: an index serves these, or no index would help, or we cannot know.
func Silent(ctx context.Context, db *sql.DB, id int64, s string, b bool) {
	db.QueryContext(ctx, `SELECT actor FROM audit_log WHERE actor = $1`, s)                  // unknown table: counted, not guessed
	db.QueryContext(ctx, `SELECT id FROM orders WHERE id = $1`, id)                          // primary key
	db.QueryContext(ctx, `SELECT id FROM users WHERE email = $1`, s)                         // unique column
	db.QueryContext(ctx, `SELECT id FROM orders WHERE id = $1 AND customer_id = $2`, id, id) // the key already finds the row
	db.QueryContext(ctx, `SELECT id FROM events WHERE tenant_id = $1 AND kind = $2`, id, s)  // leading column of (tenant_id, at)
	db.QueryContext(ctx, `SELECT id FROM orders WHERE external_ref = $1`, s)                 // indexed by 0002
	db.QueryContext(ctx, `SELECT id FROM order_items WHERE order_id = $1`, id)               // index renamed by 0002, not dropped

	// Partial indexes whose predicate the query repeats.
	db.QueryContext(ctx, `SELECT id FROM orders WHERE status = 'open' AND created_at > $1`, s)
	db.QueryContext(ctx, `SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $1 ORDER BY run_at LIMIT 10`, s)

	db.QueryContext(ctx, `SELECT id FROM users WHERE lower(name) = lower($1)`, s) // expression index

	db.QueryContext(ctx, `SELECT id FROM orders WHERE customer_id = $1 OR region = $2`, id, s) // OR: neither arm narrows alone
	db.QueryContext(ctx, `SELECT id FROM orders WHERE deleted_at IS NULL`)                     // IS NULL matches most rows
	db.QueryContext(ctx, `SELECT id FROM users WHERE active`)                                  // boolean flag
	db.QueryContext(ctx, `SELECT id FROM users WHERE active = $1`, b)                          // boolean flag
	db.QueryContext(ctx, `SELECT id FROM orders WHERE created_at > now() - interval '1 day'`)  // against now(): often most rows

	db.QueryContext(ctx, `SELECT u.id, o.id FROM users u JOIN orders o ON o.customer_id = u.id`)                                           // neither side narrowed: a hash join
	db.QueryContext(ctx, `SELECT u.email FROM orders o JOIN users u ON u.id = o.customer_id WHERE o.id = $1`, id)                          // users probed by its key
	db.QueryContext(ctx, `SELECT i.id FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.id = $1 AND i.quantity > $2`, id, 1)   // through the indexed order_id
	db.QueryContext(ctx, `SELECT o.id FROM orders o JOIN users u ON u.id = o.customer_id WHERE o.status = $1 AND external_ref = $2`, s, s) // unqualified: may be orders' indexed column

	// Rows from a CTE, then an indexed join column.
	db.QueryContext(ctx, `WITH ids AS (SELECT unnest($1::bigint[]) AS id) SELECT i.id FROM ids JOIN order_items i ON i.order_id = ids.id WHERE i.quantity > $2`, id, 1)
	// A row IN over the key.
	db.QueryContext(ctx, `SELECT id FROM events WHERE (id, tenant_id) IN (SELECT unnest($1::bigint[]), unnest($2::bigint[])) AND kind = $3`, id, id, s)

	db.QueryContext(ctx, `SELECT value FROM measurements WHERE taken_at >= $1 AND taken_at < $2`, s, s) // partition pruning

	db.QueryContext(ctx, `SELECT id FROM orders ORDER BY created_at`)                                // no LIMIT: all rows are wanted
	db.QueryContext(ctx, `SELECT id FROM events WHERE tenant_id = $1 ORDER BY at DESC LIMIT 50`, id) // (tenant_id, at)
	db.QueryContext(ctx, `SELECT id FROM orders ORDER BY id DESC LIMIT 50`)                          // primary key

	db.QueryContext(ctx, `SELECT id FROM orders WHERE tags @> $1`, s)                                     // GIN
	db.QueryContext(ctx, `SELECT id FROM products WHERE description LIKE '%' || $1 || '%'`, s)            // trigram index
	db.QueryContext(ctx, `SELECT id FROM products WHERE name LIKE 'abc%'`)                                // prefix: needs text_pattern_ops, we cannot tell
	db.QueryContext(ctx, `SELECT id FROM products WHERE name LIKE $1`, s)                                 // the pattern is the caller's
	db.QueryContext(ctx, `SELECT id FROM archived_orders WHERE customer_id = $1`, id)                     // LIKE orders INCLUDING ALL: indexes we do not see
	db.ExecContext(ctx, `INSERT INTO orders (customer_id, status, region) VALUES ($1, $2, $3)`, id, s, s) // no filter
}

// Migrate runs DDL: what it reads and backfills runs once, on tables being built.
func Migrate(ctx context.Context, db *sql.DB) {
	db.ExecContext(ctx, `ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text`)
	db.ExecContext(ctx, `UPDATE orders SET note = '' WHERE note IS NULL AND region = $1`, "eu")
}
