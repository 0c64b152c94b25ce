// Package cond is a dependency with a generic helper, whose body the
// call graph does not see.
package cond

func Ternary[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}
