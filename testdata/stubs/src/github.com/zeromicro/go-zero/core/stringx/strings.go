// Package stringx is a stub of go-zero's string helpers.
package stringx

// Remove returns strings less strs.
func Remove(strings []string, strs ...string) []string { return strings }
