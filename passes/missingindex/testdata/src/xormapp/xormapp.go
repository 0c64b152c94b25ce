// Package xormapp has no SQL schema: its tables are what xorm's Sync
// makes of its beans' tags (pk, index, unique).
package xormapp

import (
	"context"

	"xorm.io/builder"
	"xorm.io/xorm"
)

type Comment struct {
	ID       string `xorm:"not null pk autoincr BIGINT(20) id"`
	UserID   string `xorm:"not null default 0 BIGINT(20) INDEX user_id"`
	ObjectID string `xorm:"not null default 0 BIGINT(20) object_id"`
	Slug     string `xorm:"not null VARCHAR(50) UNIQUE slug"`
	Body     string `xorm:"not null TEXT body"`
}

func (Comment) TableName() string { return "comment" }

type Repo struct{ DB *xorm.Engine }

func (r *Repo) Migrate(ctx context.Context) error {
	return r.DB.Context(ctx).Sync(new(Comment))
}

func (r *Repo) ByObject(ctx context.Context, objectID string) (list []*Comment) {
	r.DB.Context(ctx).Where("object_id = ?", objectID).Desc("id").Find(&list) // want `no index serves the equality filter on comment\(object_id\)`
	return list
}

func (r *Repo) ByObjectCond(ctx context.Context, objectID string) (n int64) {
	n, _ = r.DB.Context(ctx).Where(builder.Eq{"object_id": objectID}).Count(&Comment{}) // want `no index serves the equality filter on comment\(object_id\)`
	return n
}

func (r *Repo) ByUser(ctx context.Context, userID string) (list []*Comment) {
	r.DB.Context(ctx).Where("user_id = ?", userID).Find(&list) // INDEX user_id: silent
	return list
}

func (r *Repo) ByID(ctx context.Context, id string) *Comment {
	c := &Comment{}
	r.DB.Context(ctx).ID(id).Get(c) // the primary key: silent
	return c
}

func (r *Repo) BySlug(ctx context.Context, slug string) *Comment {
	c := &Comment{Slug: slug}
	r.DB.Context(ctx).Get(c) // UNIQUE slug, from the bean's field: silent
	return c
}
