// Package popdb sends its SQL through pop: chains on the connection
// ended by a finisher that takes the model, raw SQL, writes of a model,
// and a store whose connection comes from a method.
package popdb // want `stats: 31 sites, 4 unresolved, 0 unparsed, 22 orm`

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/ory/pop/v6"

	"popmodels"
)

type Identity struct {
	ID        string    `db:"id"`
	NID       string    `db:"nid"`
	State     string    `db:"state"`
	CreatedAt string    `db:"created_at"`
	UpdatedAt string    `db:"updated_at"`
	Secret    string    `db:"-"`
	Addresses []Address `has_many:"addresses" db:"-"`
}

func (Identity) TableName(context.Context) string { return "identities" }

// Address has no TableName: pop's pluralized snake case.
type Address struct {
	ID         string `db:"id"`
	IdentityID string `db:"identity_id"`
	Value      string
}

// UUID is an array the driver sends as one value.
type UUID [16]byte

func (u UUID) Value() (driver.Value, error) { return u[:], nil }

type Store struct{ c *pop.Connection }

// Conn is the handle a request uses: where pop's statement starts.
func (s *Store) Conn(ctx context.Context) *pop.Connection {
	if tx, ok := ctx.Value("tx").(*pop.Connection); ok {
		return tx
	}
	return s.c.WithContext(ctx)
}

func (s *Store) Reads(ctx context.Context, id, nid string) error { // want `issuesQueries\(.*\)`
	var i Identity
	var is []Identity
	c := s.Conn(ctx)
	c.Where("id = ? AND nid = ?", id, nid).First(&i)                              // want `site orm read "SELECT identities.id, identities.nid, identities.state, identities.created_at, identities.updated_at FROM identities AS identities WHERE \(id = \$1 AND nid = \$2\) LIMIT 1"`
	s.Conn(ctx).Find(&i, id)                                                      // want `site orm read "SELECT .* FROM identities AS identities WHERE \(identities.id = \$1\) LIMIT 1"`
	c.Q().Where("nid = ?", nid).Order("created_at DESC").Paginate(2, 50).All(&is) // want `site orm read "SELECT .* FROM identities AS identities WHERE \(nid = \$1\) ORDER BY created_at DESC LIMIT 50 OFFSET \$2"`
	c.Select("id").Where("state = ?", "active").Limit(10).All(&is)                // want `site orm read "SELECT id FROM identities AS identities WHERE \(state = \$1\) LIMIT 10"`
	c.Where("nid = ?", nid).Count(&Identity{})                                    // want `site orm read "SELECT COUNT\(\*\) AS row_count FROM \(SELECT .* FROM identities AS identities WHERE \(nid = \$1\)\) a"`
	c.Where("id IN (?)", []string{id}).Exists(&Identity{})                        // want `site orm read "SELECT EXISTS \(SELECT .* WHERE \(id IN \(\$1\)\)\)"`
	c.Where("identity_id = ?", id).All(&[]Address{})                              // want `site orm read "SELECT addresses.id, addresses.identity_id, addresses.\\"Value\\" FROM addresses AS addresses WHERE \(identity_id = \$1\)"`
	// Eager: each association by a query of its own, per row read
	// (EagerPreload: for all the rows at once).
	c.Eager("Addresses").Where("id = ?", id).First(&i) // want `site orm read "SELECT .* FROM identities AS identities WHERE \(id = \$1\) LIMIT 1;\\nSELECT addresses.id, addresses.identity_id, addresses.\\"Value\\" FROM addresses AS addresses WHERE identity_id = \$2"`
	c.EagerPreload().All(&is)                          // want `site orm read "SELECT .* FROM identities AS identities;\\nSELECT .* FROM addresses AS addresses WHERE identity_id IN \(\$1\)"`

	c.Where("id = ? AND nid = ?", UUID{}, nid).Last(&i) // want `site orm read "SELECT .* WHERE \(id = \$1 AND nid = \$2\) ORDER BY created_at DESC, id DESC LIMIT 1"`

	// A chain kept in a variable and added to on some paths.
	q := c.Where("nid = ?", nid)
	if id != "" {
		q = q.Where("id = ?", id)
	}
	q.All(&is) // want `site orm read "SELECT .* WHERE \(nid = \$1\) AND \(id = \$2\)"`

	// Raw SQL, as written.
	c.RawQuery("SELECT id FROM identities WHERE nid = ?", nid).All(&is)                    // want `site orm read "SELECT id FROM identities WHERE nid = \?"`
	c.RawQuery("DELETE FROM identities WHERE nid = ?", nid).Exec()                         // want `site orm write "DELETE FROM identities WHERE nid = \?"`
	c.RawQuery(fmt.Sprintf("DELETE FROM %s WHERE id = ?", "sessions"), id).ExecWithCount() // want `site orm write "DELETE FROM sessions WHERE id = \?"`

	// A model of another package: its TableName through a fact, in a
	// chain and in raw SQL; Sprintf's argument indexes.
	var t popmodels.Token
	c.Where("token = ?", id).First(&t)                                                                                  // want `site orm read "SELECT selfservice_tokens.id, selfservice_tokens.token FROM selfservice_tokens AS selfservice_tokens WHERE \(token = \$1\) LIMIT 1"`
	c.RawQuery(fmt.Sprintf("DELETE FROM %s WHERE token = ?", new(popmodels.Token).TableName(ctx)), id).Exec()           // want `site orm write "DELETE FROM selfservice_tokens WHERE token = \?"`
	c.RawQuery(fmt.Sprintf("UPDATE %[1]s SET n = n + 1 WHERE %[1]s.id = ? AND %[2]s", t.TableName(ctx), "used")).Exec() // want `site orm write "UPDATE selfservice_tokens SET n = n \+ 1 WHERE selfservice_tokens.id = \? AND used"`
	return nil
}

func (s *Store) Writes(ctx context.Context, i *Identity, nid string) error { // want `issuesQueries\(.*\)`
	return s.c.Transaction(func(tx *pop.Connection) error {
		tx.Create(i)                       // want `site orm write "INSERT INTO identities \(id, nid, state, created_at, updated_at\) VALUES \(\$1, \$2, \$3, \$4, \$5\)"`
		tx.Update(i, "state")              // want `site orm write "UPDATE identities AS identities SET nid = \$1, updated_at = \$2 WHERE \(identities.id = \$3\)"`
		tx.UpdateColumns(i, "state")       // want `site orm write "UPDATE identities AS identities SET state = \$1, updated_at = \$2 WHERE \(identities.id = \$3\)"`
		tx.Destroy(i)                      // want `site orm write "DELETE FROM identities AS identities WHERE identities.id = \$1"`
		tx.Where("nid = ?", nid).Delete(i) // want `site orm write "DELETE FROM identities AS identities WHERE \(nid = \$1\)"`
		// UpdateQuery writes its SET before the chain's conditions, and
		// numbers its placeholders in that order.
		tx.Where("nid = ?", nid).UpdateQuery(i, "state") // want `site orm write "UPDATE identities AS identities SET state = \$1, updated_at = \$2 WHERE \(nid = \$3\)"`
		// Save inserts a model whose key is zero and updates one whose
		// key is set; a model handed in may be either.
		tx.Save(&Identity{NID: nid})          // want `site orm write "INSERT INTO identities \(id, nid, state, created_at, updated_at\) VALUES \(\$1, \$2, \$3, \$4, \$5\)"`
		tx.Save(&Identity{ID: "x", NID: nid}) // want `site orm write "UPDATE identities AS identities SET nid = \$1, state = \$2, updated_at = \$3 WHERE \(identities.id = \$4\)"`
		tx.Save(i)                            // want `site orm write "UPDATE identities AS identities SET nid = \$1, state = \$2, updated_at = \$3 WHERE \(identities.id = \$4\);\\nINSERT INTO identities \(id, nid, state, created_at, updated_at\) VALUES \(\$1, \$2, \$3, \$4, \$5\)"`
		return nil
	})
}

// Unknown shapes stay unresolved, saying why.
func (s *Store) Unknown(ctx context.Context, model interface{}, cond string) { // want `issuesQueries\(.*\)`
	c := s.Conn(ctx)
	c.All(model)                     // want `site orm read unresolved: pop All: model model is chosen at run time`
	c.Where(cond).First(&Identity{}) // want `site orm read unresolved: pop chain: Where argument cond is not constant`
	// A scope of another package: its conditions stand as one parameter.
	var is []Identity
	c.Where("nid = ?", cond).Scope(popmodels.Paginate[Identity](10)).All(&is) // want `site orm read "SELECT .* FROM identities AS identities WHERE \(nid = \$1\) AND \(\$2\)"`
	c.Scope(func(q *pop.Query) *pop.Query { return q.Where(cond) }).All(&is)  // want `site orm read unresolved: pop chain: Where argument cond is not constant`
	c.BelongsTo(&Identity{}).All(&[]Address{})                                // want `site orm read unresolved: pop chain: BelongsTo is not read`
}
