package goqubuilders

import goqu8 "github.com/doug-martin/goqu/v8"

// goqu v8's datasets are read as v9's.
func V8(db *goqu8.Database, id int) { // want `issuesQueries\(.*\)`
	var users []User
	db.From("users").Where(goqu8.Ex{"org_id": id}).ScanStructs(&users) // want `site orm read "SELECT id, name, email FROM users WHERE \(org_id = \$1\)"`
}
