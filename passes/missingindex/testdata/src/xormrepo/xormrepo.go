// Package xormrepo queries beans that another package, which it does
// not import, syncs: no source declares their tables but the beans'
// tags, which are the tables as xorm's Sync creates them.
package xormrepo

import (
	"context"

	"xorm.io/xorm"
)

type Vote struct {
	ID       int64  `xorm:"pk autoincr BIGINT(20) id"`
	ObjectID string `xorm:"not null INDEX object_id"`
	UserID   string `xorm:"not null user_id"`
}

type Repo struct{ DB *xorm.Engine }

func (r *Repo) ByObject(ctx context.Context, objectID string) (list []*Vote) {
	r.DB.Context(ctx).Where("object_id = ?", objectID).Find(&list) // INDEX object_id: silent
	return list
}

func (r *Repo) ByUser(ctx context.Context, userID string) (list []*Vote) {
	r.DB.Context(ctx).Where("user_id = ?", userID).Find(&list) // want `no index serves the equality filter on vote\(user_id\)`
	return list
}
