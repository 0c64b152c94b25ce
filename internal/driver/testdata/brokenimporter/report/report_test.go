package report

import (
	"context"
	"testing"

	"example.com/brokenimporter/store"
)

func TestTitle(t *testing.T) {
	var s store.Store
	s.Names(context.Background(), nil)
}
