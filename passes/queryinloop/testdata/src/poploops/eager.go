package poploops

import "context"

type Identity struct {
	ID        string    `db:"id"`
	Addresses []Address `has_many:"addresses" db:"-"`
	Sessions  []Session `has_many:"sessions" fk_id:"identity_id" db:"-"`
}

func (Identity) TableName() string { return "identities" }

type Address struct {
	ID         string `db:"id"`
	IdentityID string `db:"identity_id"`
}

// Eager after All loads each association with one query per row read.
func (s *Store) EagerAll(ctx context.Context, nid string) {
	var is []Identity
	s.conn(ctx).Eager("Addresses").Where("nid = ?", nid).All(&is) // fix `^replace Eager with EagerPreload \(same arguments\): it reads each association for all the rows at once \(WHERE key IN \(\.\.\.\)\)$` // want `^Eager loads Addresses with one query per row of identities: n round trips; EagerPreload loads each in one query$`
	s.conn(ctx).Eager().All(&is)                                  // want `^Eager loads Addresses, Sessions with one query per row of identities: n round trips$`
	s.conn(ctx).EagerPreload("Addresses").All(&is)                // silent: one query per association
	var i Identity
	s.conn(ctx).Eager().Where("id = ?", nid).First(&i) // silent: one row, one query per association
	s.conn(ctx).Eager().Find(&i, nid)                  // silent: one row
	var as []Address
	s.conn(ctx).Eager().All(&as) // silent: Address has no association
}

// EagerAsked loads what the caller asks for, with one query per row.
func (s *Store) EagerAsked(ctx context.Context, fields []string) {
	var is []Identity
	s.conn(ctx).Eager(fields...).All(&is) // want `^Eager loads the associations asked at run time with one query per row of identities`
	s.conn(ctx).Eager("ID").All(&is)      // silent: ID is no association
}

// EagerInLoop is the loop's N+1: one finding, the loop's, whose fix
// also says Eager's.
func (s *Store) EagerInLoop(ctx context.Context, nids []string) {
	for _, nid := range nids {
		var is []Identity
		s.conn(ctx).Eager("Addresses").Where("nid = ?", nid).All(&is) // fix `; and use EagerPreload: Eager loads Addresses with one more query per row read$` // want `^pop SELECT from identities runs once per item of nids: n round trips instead of 1$`
	}
}
