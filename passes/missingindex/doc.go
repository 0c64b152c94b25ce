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
// The analyzer is silent, so that what it says can be trusted, when:
//
//   - the table is unknown to the schema (the driver counts those as
//     stats.unknown_tables rather than guess; an xorm bean's table that
//     no source declares is the one its tags declare, as xorm's Sync
//     creates it), or known only in part
//     (LIKE, INHERITS, PARTITION OF bring indexes we do not see);
//   - any one compared column has an index leading with it: a lookup by
//     primary key that also checks tenant_id is served by the key, and a
//     second index would be noise;
//   - a partial index's predicate follows from the query: the same
//     comparisons (`deleted_at IS NULL`, `status = 'active'`), `c IS NOT
//     NULL` from any comparison of c, and a constant predicate from `c =
//     $1`, which the custom plan for the parameter proves; or an
//     expression index matches the expression (`lower(email)`);
//   - the filter or join is on the column a partitioned table is split
//     on: only the matching partitions are read;
//   - the table is reached through an indexed join column from rows
//     that an index finds, or from a CTE, subquery or unknown table we
//     cannot judge; the outer query of EXISTS/IN is never reached from
//     its subquery, which is probed once per outer row;
//   - the comparison is under an OR: it narrows nothing alone (a bitmap
//     OR needs every arm indexed, and we prefer silence to a guess),
//     though an OR arm with an index counts as serving; so is a clause
//     only some calls send — an item appended under a condition to a
//     list of clauses the statement joins (`where = append(where,
//     "note = $2")` inside an if): the filters every call sends are
//     judged alone, and the sort is the ORDER BY every call has;
//   - the comparison usually matches a large share of the rows: IS NULL,
//     boolean flags (`WHERE active`), enum columns (`status = 'read'` of
//     three statuses), equality with the empty string (the default of
//     most optional text columns), and comparisons with now();
//   - the operator is one a btree cannot serve (containment, full text,
//     regular expressions, LIKE with a prefix, whose index needs
//     text_pattern_ops we cannot see, or with a pattern from the caller),
//     except a leading wildcard, above; or a GIN, GiST or BRIN index
//     (an EXCLUDE constraint's included) already has the column;
//   - neither side of a join is narrowed: the planner hashes both,
//     whatever the indexes;
//   - ORDER BY ... LIMIT is over a join, or over a table whose filter is
//     already served;
//   - an unqualified column of a join may belong to several tables: it
//     may serve any table that has such a column, and is suggested for
//     none;
//   - the code is a migration — a function that also executes DDL, or
//     code whose file, package or function is named for migrations
//     (migrat*; under the standalone driver, what the program graph knows
//     runs as a migration, the names only where it cannot tell) — or
//     test code (a _test.go file, or a function taking a *testing.T,
//     *testing.B or testing.TB: a fixture): it runs once, or against tiny
//     tables;
//   - the schema was discovered from an sqlc configuration and the
//     migration directories beside it (what really runs) create a serving
//     index that sqlc's schema file lacks: a finding needs both views to
//     agree.
//
// Table sizes are not in the migrations: a finding on a table that stays
// small (a lookup table of a dozen rows) is suppressed with
// `//sqlheat:ignore missingindex -- reason`.
//
// The diagnostic is placed on the SQL string literal when it is written
// in the package being analyzed, otherwise on the call. SQL kept in .sql
// files (sqlc's query files, named-query files; see passes/sqlfiles) is
// reported on the first line of its statement in the file, where the
// query is edited, with the generated constant and the Go calls that run
// it as related places; `-- sqlheat:ignore missingindex -- reason` in the
// file silences it.
package missingindex
