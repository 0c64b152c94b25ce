// Package xormforkloops holds loops around sessions of
// github.com/xorm-io/xorm, a fork of xorm, read as xorm's; and the same
// loop around a look-alike package named xorm, which is not a database.
package xormforkloops

import (
	"github.com/acme/xorm"
	"github.com/xorm-io/core"
	forkxorm "github.com/xorm-io/xorm"
)

type Role struct {
	Owner string `xorm:"varchar(100) notnull pk"`
	Name  string `xorm:"varchar(100) notnull pk"`
}

type Repo struct {
	DB    *forkxorm.Engine
	Other *xorm.Engine
}

// Roles loads each role by its key, one Get per item.
func (r *Repo) Roles(owner string, names []string) {
	for _, name := range names {
		role := &Role{}
		r.DB.ID(core.PK{owner, name}).Get(role) // want `^xorm SELECT from role runs once per item of names: n round trips instead of 1$`
	}
}

// LookAlike calls a package that only shares xorm's names: silent.
func (r *Repo) LookAlike(names []string) {
	for _, name := range names {
		var list []*Role
		r.Other.Context(nil).Where("name = ?", name).Find(&list)
	}
}
