// Package store declares what the handlers need of a database; sqlstore,
// boltstore and pooled implement it.
package store

type Store interface {
	// PermanentConnection says the connection is kept from start to
	// finish: no session needs Connect.
	PermanentConnection() bool
	Connect(token string)
	Close(token string)
	UserName(id string) string
}
