// Package builder is a stub of go-zero's column list builder.
package builder

// RawFieldNames lists the columns of a struct's db tags.
func RawFieldNames(in any, postgreSql ...bool) []string { return nil }
