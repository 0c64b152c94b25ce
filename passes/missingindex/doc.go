// Package missingindex defines an Analyzer that reports queries whose
// filters, joins or sort-with-LIMIT no index of the schema serves.
//
// # Analyzer missingindex
//
// missingindex: report queries whose filters, joins or sort-with-LIMIT no index serves
//
// A filter that no index serves makes PostgreSQL read the whole table on
// every call. With a few hundred rows in development it costs nothing;
// with millions in production it is a sequential scan per request, the
// CPU and I/O of the database grow with the table, and the endpoint's
// latency with them. Index advisors find these from pg_stat_statements on
// a live database, after the fact and without knowing which code issued
// the query; missingindex finds them from the migrations, at the line
// that issues the query.
//
//	rows, err := db.QueryContext(ctx,
//		`SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY created_at DESC`, id)
//
// with no index on orders leading with customer_id is reported with the
// statement to add, in a migration of its own:
//
//	CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders (customer_id);
//
// CONCURRENTLY builds the index without blocking writes, and cannot run
// inside a transaction: goose needs `-- +goose NO TRANSACTION` in that
// migration, golang-migrate the statement alone in its file.
//
// What is checked, for each read, and each UPDATE, DELETE or INSERT ...
// SELECT, at a query site: per table of the statement, the comparisons
// that hold for every row (equality, IN, = ANY, ranges against a
// parameter or constant); the join column of a table probed once per row
// of a table an index narrows (users looked up by id, then their orders
// by user_id); and ORDER BY ... LIMIT over one table. An index serves the
// access when it leads with one of the compared columns (primary keys and
// unique constraints included): a composite index on (a, b) serves
// `a = $1` and `a = $1 AND b = $2`, not `b = $1`. The suggested index
// lists the equality columns, then one range column or the ORDER BY
// columns, at most three.
//
// Two kinds of filter no new btree index can serve are reported as what
// they are rather than as a missing index: a LIKE or ILIKE whose pattern
// starts with a wildcard (`name LIKE '%' || $1 || '%'`), where a pg_trgm
// GIN index or full-text search is the remedy; and a function over the
// column (`lower(email) = $1`, `created_at::date = $1`), which hides the
// column from its index, so that the fix is to compare the bare column or
// to add an expression index on exactly that expression.
//
// The analyzer is silent when the table is unknown to the schema (the
// driver counts those as stats.unknown_tables rather than guess), or
// known only in part (LIKE, INHERITS, PARTITION OF bring indexes we do not
// see); when any one compared column has an index leading with it — a
// lookup by primary key that also checks tenant_id is served by the key,
// and a second index would be noise; when a partial index's predicate is
// among the query's own comparisons (`deleted_at IS NULL`, `status =
// 'active'`) or an expression index matches the expression; when the
// table is reached through an indexed join column, whichever side drives;
// for comparisons under an OR, which narrow nothing alone (a bitmap OR
// needs every arm indexed, and we prefer silence to a guess); for IS NULL,
// boolean flags (`WHERE active`) and comparisons with now(), which match a
// large share of the rows; for containment, full-text and other operators
// a btree cannot serve (unless a leading wildcard, above); for joins
// where neither side is narrowed, which the planner hashes whatever the
// indexes; for ORDER BY ... LIMIT over joins or over a table whose filter
// is already served; for unqualified columns of a join, whose table only
// the database knows (they may serve any table that has such a column,
// and are suggested for none); for migrations — packages named
// migrations or migrate, and functions that execute DDL — and _test.go
// files, which run once or against tiny tables. Table sizes are not in
// the migrations: a finding on a table that stays small (a lookup table of
// a dozen rows) is suppressed with `//sqlheat:ignore missingindex --
// reason`.
//
// The diagnostic is placed on the SQL string literal when it is written
// in the package being analyzed, otherwise on the call.
package missingindex
