// Package migrations lists the program's migration scripts.
package migrations

import "example.com/ifacemig/core"

// All are the scripts, in order.
func All() []core.Script {
	return []core.Script{
		new(addUsers),
		&backfillNames{},
	}
}
