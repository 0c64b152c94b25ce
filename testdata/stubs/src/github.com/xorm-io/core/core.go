// Stub of github.com/xorm-io/core (signatures mirror v0.7.4).

package core

// PK is a primary key's values, in the order of its columns.
type PK []interface{}
