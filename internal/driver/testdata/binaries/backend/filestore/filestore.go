// Package filestore keeps blobs in files: only the origin links it.
package filestore

import (
	"context"
	"os"

	"example.com/binaries/backend"
)

type client struct{}

func init() { backend.Register("file", func() backend.Client { return client{} }) }

func (client) Stat(ctx context.Context, name string) error {
	_, err := os.Stat(name)
	return err
}
