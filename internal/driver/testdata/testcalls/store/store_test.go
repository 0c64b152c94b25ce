package store

import (
	"context"
	"testing"
)

func TestListItems(t *testing.T) {
	e := &Engine{}
	_, _ = e.ListItems(context.Background())
	_, _ = e.GetItemForRepo(context.Background(), "r")
}
