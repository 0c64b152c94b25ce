// Package livedb asks a live PostgreSQL database about sqlheat's index
// advice: does the planner really read the table sequentially, would it
// use the suggested index, and does the index pay?
//
// Every static index advisor guesses; the ones teams trust ask the
// planner (ankane/dexter, Supabase's index_advisor, pganalyze). Their
// users' common complaints are advice that is wrong, indexes that already
// exist, and indexes on tables too small to need one. Those are exactly
// what a database can settle, so a missingindex finding gets Evidence
// with a Verdict:
//
//   - confirmed: with the index created hypothetically (hypopg), the
//     planner uses it and the statement's cost falls by at least
//     Thresholds.MinSaving, on a statement that costs at least
//     Thresholds.MinCost over a table of at least Thresholds.MinRows;
//   - downgraded: the index would be used, or could be, but does not pay
//     now ("the planner keeps a seq scan: 40 rows");
//   - retracted: the database already reads the table through an index
//     (often one the migrations lack: catalog drift), or the planner
//     cannot use the suggested index for the statement at all, even with
//     sequential scans off, or PostgreSQL refuses to build it;
//   - usable: in scratch mode (an empty database built from the
//     migrations), the planner can use the index when sequential scans
//     are off, which proves the index serves the filter, not that it pays;
//   - unverified: nothing could be settled (hypopg missing, a statement
//     that does not plan), with the reason.
//
// # Never change anything
//
// A Session is one connection holding one transaction, begun READ ONLY,
// with statement, lock and idle-in-transaction timeouts, so that no write
// can happen and a busy table cannot block us or be blocked by us for
// long. The audited statements are never executed: each is PREPAREd and
// EXPLAINed (without ANALYZE) under plan_cache_mode = force_generic_plan,
// with NULL for every parameter, which gives the generic plan the
// application's prepared statements get. It is sent through the extended
// query protocol, which takes exactly one statement, after checking that
// the text parses as one SELECT, INSERT, UPDATE, DELETE or MERGE.
// EXPLAIN (GENERIC_PLAN), new in PostgreSQL 16, is not used: the
// PREPARE path works from 12 on and is the one path tested.
//
// Where PostgreSQL cannot infer a parameter's type (`$1 IS NULL OR
// status = $1`), the column it is compared with gives it, from the
// catalog. hypopg's hypothetical indexes live in the session's memory
// only; sqlheat never runs CREATE EXTENSION, and says when hypopg is
// missing. A prepared statement's generic plan is cached, and creating a
// hypothetical index does not invalidate it, so every plan is made from a
// statement prepared for it and deallocated after.
//
// # Secrets
//
// A DSN's password never appears in what this package returns: errors
// name the host and database, and any text that could carry the DSN is
// passed through Redact and scrubbed of the passwords it holds.
package livedb
