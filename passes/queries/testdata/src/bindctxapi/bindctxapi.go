// Package bindctxapi's stores embed bindctx.Context: the SQL given to its
// Bind, or to bindctx's rebinding functions, is the statement run (their
// Rewrites facts); bindctx's helpers that append to the statement give it
// with what they append when that is constant (their Appends facts), and
// leave unresolved a text that is no statement or that one of two strings
// is, saying which.
package bindctxapi // want `stats: 11 sites, 2 unresolved, 1 unparsed, 0 orm`

import (
	"bindctx"
)

type Store struct{ bindctx.Context }

type PtrStore struct{ *bindctx.Context }

func (s Store) Page(org, doc string) (name string) { // want `issuesQueries\(.*\)`
	s.Runtime.Db.QueryRowx(s.Bind("SELECT c_name FROM dmz_section WHERE c_orgid=? AND c_docid=?"), org, doc).Scan(&name) // want `site query read "SELECT c_name FROM dmz_section WHERE c_orgid=\? AND c_docid=\?"`
	return name
}

func (s PtrStore) Delete(org string) { // want `issuesQueries\(.*\)`
	s.Runtime.Db.MustExec(s.Bind("DELETE FROM dmz_pin WHERE c_orgid=?"), org) // want `site exec write "DELETE FROM dmz_pin WHERE c_orgid=\?"`
}

// exec rebinds what it is given, then runs it: a wrapper.
func (s Store) exec(q string, args ...any) { // want `sqlParam\(0, exec\)`
	s.Runtime.Db.MustExec(s.Bind(q), args...)
}

func (s Store) Touch(id string) { // want `issuesQueries\(.*\)`
	s.exec("UPDATE dmz_doc SET c_revised=now() WHERE c_refid=?", id) // want `site exec write "UPDATE dmz_doc SET c_revised=now\(\) WHERE c_refid=\?"`
}

func Setup(rt *bindctx.Runtime, org string) { // want `issuesQueries\(.*\)`
	rt.Db.MustExec(bindctx.RebindParams("INSERT INTO dmz_org (c_refid) VALUES (?)", rt.StoreProvider.Type()), org) // want `site exec write "INSERT INTO dmz_org \(c_refid\) VALUES \(\?\)"`
	rt.Db.MustExec(bindctx.RebindPostgreSQL("DELETE FROM dmz_org WHERE c_refid=?"), org)                           // want `site exec write "DELETE FROM dmz_org WHERE c_refid=\?"`
}

func (s Store) Others(org string) { // want `issuesQueries\(.*\)`
	db := s.Runtime.Db
	db.MustExec(s.Limit("DELETE FROM dmz_pin"))                                      // want `site exec write "DELETE FROM dmz_pin LIMIT 10"$`
	db.MustExec(s.Table("DELETE FROM ", "dmz_pin"))                                  // want `site exec write unresolved: SQL comes from a call to Table, which appends text to what is no whole statement`
	db.MustExec(s.Either("DELETE FROM dmz_pin", "DELETE FROM dmz_doc"))              // want `site exec write unresolved: SQL comes from a call to Either`
	db.MustExec(s.Named("DELETE FROM {table}", "dmz_pin"))                           // want `site exec write "DELETE FROM {table}" unparsed`
	db.MustExec(bindctx.Limited("SELECT c_refid FROM dmz_pin WHERE c_orgid=?"), org) // want `site exec read "SELECT c_refid FROM dmz_pin WHERE c_orgid=\? LIMIT 10"`
	db.MustExec(bindctx.Paged("SELECT c_refid FROM dmz_pin WHERE c_orgid=?"), org)   // want `site exec read "SELECT c_refid FROM dmz_pin WHERE c_orgid=\? LIMIT \?"`
}
