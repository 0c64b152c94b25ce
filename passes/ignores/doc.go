// Package ignores defines an Analyzer that checks sqlheat's suppression
// comments themselves.
//
// # Analyzer ignores
//
// ignores: report malformed and unused //sqlheat:ignore comments
//
// A suppression is a decision someone made about a finding; it stays
// trustworthy only if it says why and if it still silences something. The
// analyzer reports a //sqlheat:ignore without a reason (write
// `//sqlheat:ignore queryinloop -- at most 3 regions`), one naming a check
// that does not exist, and, with -ignores.unused (the standalone driver's
// -report-unused-ignores), one that no longer silences any finding — the
// code was fixed or moved, and the comment would hide the next real
// problem on that line.
//
// //nolint:sqlheat comments are honored by every check but not reported
// here: golangci-lint's nolintlint already checks them.
package ignores
