package web

import "testing"

func TestAssets(t *testing.T) {
	if Assets() == nil {
		t.Fatal("no handler")
	}
}
