// Package selectstar defines an Analyzer that reports SELECT * and t.* over
// tables.
//
// # Analyzer selectstar
//
// selectstar: report SELECT * over tables
//
// A star fetches every column of the table, today's and tomorrow's. It
// costs bandwidth and memory for columns the code never reads (a large
// jsonb or text column turns a cheap lookup into megabytes), it defeats
// index-only scans, and it breaks row scanning the day a migration adds a
// column: rows.Scan with a fixed list of destinations fails with "expected
// 5 destination arguments, not 4" in production.
//
//	rows, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE customer_id = $1", id)
//
// Fix it by naming the columns the code scans, in the order it scans them:
//
//	rows, err := db.QueryContext(ctx, "SELECT id, status, total FROM orders WHERE customer_id = $1", id)
//
// When the schema is known (see the catalog pass), the diagnostic carries
// a suggested fix, "Replace * with the columns of orders", that writes the
// table's columns in table order (c.id, c.email for a c.*), which is the
// order the star returned them in, so the code's rows.Scan keeps working.
// It is offered only when the edit is unambiguously safe: one table, whose
// whole column list the migrations give; the SQL is a single string
// literal of the package whose source text is its value (a raw string, or
// one without escapes) and needs no placeholder rewriting, so that the
// star's offset in the SQL is its offset in the file; and the rewritten
// SQL parses. `sqlheat -fix` applies it.
//
// The diagnostic is placed on the SQL string literal when it is written in
// the package being analyzed, otherwise on the call.
//
// The analyzer is silent for count(*) and other aggregates over *, for
// COUNT(*) OVER (), for RETURNING *, for the body of EXISTS (SELECT * ...),
// where no column is fetched, and for a star over a CTE, a subquery or a
// set-returning function, whose columns the query itself chose. A star
// inside a CTE or a subquery is reported only when the statement returns
// such a result whole (SELECT * FROM cte, RETURNING locked.*): in
//
//	WITH locked AS (SELECT * FROM jobs WHERE ... FOR UPDATE SKIP LOCKED)
//	UPDATE jobs SET status = 'running' FROM locked WHERE jobs.id = locked.id
//
// the star's columns never reach the code, and naming them changes
// nothing it sees. It is silent too on the SELECT an ORM writes for a
// chain (gorm's db.Where(...).Find(&users) sends SELECT *): that star is
// not text the user wrote, and the fix, a Select of the fields the code
// uses, is a change of the ORM call rather than of SQL.
//
// SQL kept in .sql files (sqlc's query files, named-query files; see
// passes/sqlfiles) is checked in the file, on the star's line: sqlc
// expands the star into today's columns in the Go it generates, so the
// .sql file is the only place it still is.
package selectstar
