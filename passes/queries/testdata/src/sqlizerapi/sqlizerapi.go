// Package sqlizerapi calls another package's builder wrappers: their
// facts make each call a site with the SQL of the chain built here.
package sqlizerapi

import (
	sq "github.com/Masterminds/squirrel"

	"sqlizer"
)

type Orders struct{ sqlizer.Base }

func (o Orders) ByCustomer(id int) error { // want `issuesQueries\(.*\)`
	var out []struct{ ID int }
	return o.QueryAll(sq.Select("id").From("orders").Where(sq.Eq{"customer_id": id}), &out, false) // want `site query read "SELECT id FROM orders WHERE \(customer_id = \$1\)"`
}

func (o Orders) Cancel(id int) error { // want `issuesQueries\(.*\)`
	return o.Exec(sq.Update("orders").Set("state", "cancelled").Where(sq.Eq{"id": id})) // want `site query write "UPDATE orders SET state = \$1 WHERE \(id = \$2\)"`
}
