// Package gdbloops holds loops around GoFrame's gdb: a One per item, a
// write per row of a list, and a loop that stops at the first row found.
package gdbloops

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

type Post struct {
	Id     int
	UserId int
	Title  string
}

// Authors reads each post's author, one One per item.
func Authors(ctx context.Context, db gdb.DB, posts []Post) {
	for _, p := range posts {
		db.Model("users").Ctx(ctx).Where("id", p.UserId).One() // want `^gdb SELECT from users runs once per item of posts: n round trips instead of 1$`
	}
}

// Tag inserts each tag of a post, one statement per tag.
func Tag(ctx context.Context, postID int, tags []string) {
	for _, t := range tags {
		g.Model("post_tags").Ctx(ctx).Data(g.Map{"post_id": postID, "tag": t}).Insert() // want `^gdb INSERT into post_tags runs once per item of tags: n round trips instead of 1$`
	}
}

// FirstUser tries the ids in order and returns the first user found:
// one query in all, silent.
func FirstUser(ctx context.Context, db gdb.DB, ids []int) gdb.Record {
	for _, id := range ids {
		r, err := db.Model("users").Ctx(ctx).Where("id", id).One()
		if err == nil && r != nil {
			return r
		}
	}
	return nil
}
