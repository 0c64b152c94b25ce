// Package extension holds what the servers are built with.
package extension

import "example.com/embedfew/storage"

// Registry embeds the storage: its methods are the storage's.
type Registry struct {
	storage.LogStorage
}
