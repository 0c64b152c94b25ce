// Package vm is a small interpreter: a script calls, by name, the
// functions the program registered, through one call of a func value.
package vm

type Func func(v *VM) int

type VM struct {
	fns   map[string]Func
	stack []string
}

func New(fns map[string]Func) *VM { return &VM{fns: fns} }

func (v *VM) Top() int { return len(v.stack) }

// Call runs the function the script names: which one is the script's.
func (v *VM) Call(name string) int {
	if f, ok := v.fns[name]; ok {
		return f(v)
	}
	return 0
}

// Print calls each value's metamethod, a script function, per slot of
// the stack: what it runs is whichever function the script set.
func (v *VM) Print() int {
	n := 0
	for _, s := range v.stack {
		n += v.Call(s)
	}
	return n
}
