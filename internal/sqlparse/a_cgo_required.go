//go:build !cgo

package sqlparse

// sqlheat parses SQL with PostgreSQL's own parser (pg_query_go), which is C
// code compiled in with cgo. Without cgo the build would fail with a wall
// of undefined pg_query symbols; this file makes the first error say what
// to do instead. (The file name sorts first so the compiler reports it
// first.)
var _ = sqlheat_needs_cgo_build_with_CGO_ENABLED_1_and_a_C_compiler_such_as_gcc
