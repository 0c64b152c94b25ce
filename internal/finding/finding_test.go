package finding

import "testing"

func TestMultiplicityRoundTrip(t *testing.T) {
	for depth := 0; depth < 5; depth++ {
		if got := LoopDepth(Multiplicity(depth)); got != depth {
			t.Errorf("LoopDepth(Multiplicity(%d)) = %d", depth, got)
		}
	}
	for m, want := range map[string]int{"": 0, "once": 0, "loopx3": 3, "loop*2": 2, "loop×n": 1, "loop×99999999999999999999": maxDepth} {
		if got := LoopDepth(m); got != want {
			t.Errorf("LoopDepth(%q) = %d, want %d", m, got, want)
		}
	}
}
