// Package xormfork queries through github.com/xorm-io/xorm, a fork of
// xorm: its sessions, builder conditions and tags are read as xorm's.
// A package named xorm that is no listed fork stays unknown.
package xormfork // want `stats: 5 sites, 0 unresolved, 0 unparsed, 5 orm`

import (
	"context"

	"github.com/acme/xorm"
	"github.com/xorm-io/builder"
	"github.com/xorm-io/core"
	forkxorm "github.com/xorm-io/xorm"
)

type User struct {
	Owner string `xorm:"varchar(100) notnull pk" json:"owner"`
	Name  string `xorm:"varchar(100) notnull pk" json:"name"`
	Email string `xorm:"varchar(100) index" json:"email"`
	Score int    `json:"score"`
}

type Repo struct {
	DB    *forkxorm.Engine
	Other *xorm.Engine
}

func (r *Repo) Migrate() error { // want `issuesQueries\(ddl CREATE TABLE IF NOT EXISTS "user" \(owner varchar\(100\) NOT N… @xormfork\.go:28\)`
	return r.DB.Sync2(new(User)) // want `site orm ddl "CREATE TABLE IF NOT EXISTS \\"user\\" \(owner varchar\(100\) NOT NULL, name varchar\(100\) NOT NULL, email varchar\(100\), score bigint, PRIMARY KEY \(owner, name\)\);\\nCREATE INDEX IF NOT EXISTS \\"IDX_user_email\\" ON \\"user\\" \(email\)"`
}

func (r *Repo) Reads(ctx context.Context, owner, name string) { // want `issuesQueries\(read SELECT owner, name, email, score FROM "user" WHERE \(owner =… @xormfork\.go:33, read SELECT owner, name, email, score FROM "user" WHERE \(\(owner … @xormfork\.go:35, read SELECT owner, name, email, score FROM "user" WHERE \(owner =… @xormfork\.go:36, write DELETE FROM "user" WHERE \(owner = \$1 AND name = \$2\) @xormfork\.go:37\)`
	u := &User{}
	r.DB.ID(core.PK{owner, name}).Get(u) // want `site orm read "SELECT owner, name, email, score FROM \\"user\\" WHERE \(owner = \$1 AND name = \$2\) LIMIT 1"`
	var list []*User
	r.DB.Where(builder.Eq{"owner": owner}.And(builder.Like{"name", name})).OrderBy("score desc").Find(&list) // want `site orm read "SELECT owner, name, email, score FROM \\"user\\" WHERE \(\(owner = \$1\) AND \(name LIKE \$2\)\) ORDER BY score desc"`
	r.DB.Context(ctx).Where("owner = ?", owner).In("name", builder.Select("name").From("user")).Find(&list)  // want `site orm read "SELECT owner, name, email, score FROM \\"user\\" WHERE \(owner = \$1\) AND \(name IN \(SELECT NULL\)\)"`
	r.DB.ID(core.PK{owner, name}).Delete(&User{})                                                            // want `site orm write "DELETE FROM \\"user\\" WHERE \(owner = \$1 AND name = \$2\)"`
}

// Look-alike: github.com/acme/xorm shares xorm's names, not its
// meaning; its calls are no sites.
func (r *Repo) LookAlike(ctx context.Context, owner string) {
	var list []*User
	r.Other.Context(ctx).Where("owner = ?", owner).Find(&list)
}
