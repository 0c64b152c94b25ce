// Package traffic reads the traffic profile that sqlheat ranks findings by.
//
// A finding on a route that serves twelve requests a day matters less than
// the same finding on the route that serves twelve hundred a minute, and
// only the team's own numbers can tell them apart. Teams keep those numbers
// in whatever their stack produces, so Load accepts each of them instead of
// asking for a conversion: a hand-written JSON or YAML map of route to
// rate, a CSV export, a scrape of the service's Prometheus request counter,
// the raw nginx or Apache access log, or a pg_stat_statements export for
// ranking by database time. The format is sniffed from the content (the
// file name's extension is only a hint), since a profile is often a file
// someone saved as "traffic.txt".
//
// Every route in a Profile is keyed by its httppattern canonical form, so
// the routes the analyzer finds in code ("GET /users/{id}" in a ServeMux,
// "/users/:id" in gin) meet the profile's spelling of them. Rates are
// requests per minute, except where the source cannot say how long its
// counts took to accumulate (a Prometheus counter is a total since the
// process started): then the Profile is Relative and each rate is the
// route's percentage of the requests counted. Ranking only compares
// findings with each other, so either scale ranks the same.
//
// A profile is user input and must never crash the run: malformed input is
// an *Error naming the file, line and (when known) column; input that is
// well-formed but says nothing (an empty map, a scrape without a request
// counter) is an empty Profile with a warning for the caller to print.
//
// pg_stat_statements rows are kept as raw query text: matching them to
// query sites needs pg_query fingerprints, and only internal/sqlparse may
// import the parser, so the caller passes its fingerprint function to
// Profile.ByFingerprint.
package traffic
