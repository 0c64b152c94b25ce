// Package retry runs a function again while it fails, as retry helpers
// do: Temporary calls its function inside the closure it hands Do.
package retry

func Do(fn func(attempt int) (bool, error)) error {
	for n := 0; ; n++ {
		again, err := fn(n)
		if !again {
			return err
		}
	}
}

func Temporary(fn func(attempt int) error) error {
	return Do(func(n int) (bool, error) {
		err := fn(n)
		return err != nil, err
	})
}
