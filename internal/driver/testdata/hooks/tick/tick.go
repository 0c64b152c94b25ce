// Package tick keeps a callback in a base struct, whose values the app
// copies whole from one outer struct to another.
package tick

type Base struct{ run func() }

func (b *Base) Set(f func()) { b.run = f }

func (b *Base) Run() {
	if b.run != nil {
		b.run()
	}
}
