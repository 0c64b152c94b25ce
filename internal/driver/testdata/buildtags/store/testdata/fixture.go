//go:build sqlite

package fixture

import "database/sql"

var _ = sql.Open
