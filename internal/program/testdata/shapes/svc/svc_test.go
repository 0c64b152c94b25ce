package svc

import (
	"context"
	"testing"

	"example.com/shapes/fixtures"
)

func TestLoad(t *testing.T) {
	fixtures.Load(context.Background(), nil, nil)
}
