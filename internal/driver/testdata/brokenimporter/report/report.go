// Package report's test uses store: another package's test importing
// store makes it look test-only when its production importer, server,
// is not analyzed.
package report

func Title() string { return "report" }
