package store_test

import (
	"context"
	"testing"

	"example.com/brokenimporter/store"
)

func TestNames(t *testing.T) {
	var s store.Store
	s.Names(context.Background(), []int64{1, 2})
}
