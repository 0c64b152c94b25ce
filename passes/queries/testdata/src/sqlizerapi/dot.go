package sqlizerapi // want `stats: 4 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	. "github.com/Masterminds/squirrel"
)

// A dot-imported squirrel starts its chains with a bare Select, Delete...
func (o Orders) Purge(id int) error { // want `issuesQueries\(.*\)`
	return o.Exec(Delete("orders").Where(Eq{"customer_id": id})) // want `site query write "DELETE FROM orders WHERE \(customer_id = \$1\)"`
}

// Expr given whole is the statement, its ? bound as a chain's are.
func (o Orders) Archive(id int) error { // want `issuesQueries\(.*\)`
	stmt := Expr("UPDATE orders SET archived = true WHERE customer_id = ?", id)
	return o.Exec(stmt) // want `site query write "UPDATE orders SET archived = true WHERE customer_id = \$1"`
}
