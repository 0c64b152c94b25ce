package sqlstore

import (
	"context"
	"testing"

	"example.com/embedfew/storagetest"
)

func TestQueue(t *testing.T) {
	if err := storagetest.QueueMany(context.Background(), New(nil), 100); err != nil {
		t.Fatal(err)
	}
}
