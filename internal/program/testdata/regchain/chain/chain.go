// Package chain hands a registered list down a chain of functions, each
// calling the next twice: the registered-list trace must visit each
// function once, not once per path (2^20 of them).
package chain

type S interface{ Name() string }

type A struct{}

func (A) Name() string { return "a" }

// Use loops over the list every level passes on.
func Use(list []S) int {
	n := 0
	for _, s := range list {
		n += len(s.Name())
	}
	return n
}

func L1(list []S) int { return Use(list) + Use(list) }

func L2(list []S) int { return L1(list) + L1(list) }

func L3(list []S) int { return L2(list) + L2(list) }

func L4(list []S) int { return L3(list) + L3(list) }

func L5(list []S) int { return L4(list) + L4(list) }

func L6(list []S) int { return L5(list) + L5(list) }

func L7(list []S) int { return L6(list) + L6(list) }

func L8(list []S) int { return L7(list) + L7(list) }

func L9(list []S) int { return L8(list) + L8(list) }

func L10(list []S) int { return L9(list) + L9(list) }

func L11(list []S) int { return L10(list) + L10(list) }

func L12(list []S) int { return L11(list) + L11(list) }

func L13(list []S) int { return L12(list) + L12(list) }

func L14(list []S) int { return L13(list) + L13(list) }

func L15(list []S) int { return L14(list) + L14(list) }

func L16(list []S) int { return L15(list) + L15(list) }

func L17(list []S) int { return L16(list) + L16(list) }

func L18(list []S) int { return L17(list) + L17(list) }

func L19(list []S) int { return L18(list) + L18(list) }

func L20(list []S) int { return L19(list) + L19(list) }

// Top hands down the list it writes out.
func Top() int { return L20([]S{A{}}) }
