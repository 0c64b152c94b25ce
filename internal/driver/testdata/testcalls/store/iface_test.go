package store_test

import (
	"context"
	"testing"

	"example.com/testcalls/store"
)

func TestGetItem(t *testing.T) {
	var s store.Interface = store.New(nil)
	_, _ = s.GetItem(context.Background(), 1)
	s.Refresh(context.Background(), nil)
}
