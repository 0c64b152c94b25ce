package router

import "testing"

func TestBare(t *testing.T) {
	r := NewTestedBare()
	r.GET("/bare", nil)
}
