// Package gdbloops holds loops around GoFrame's gdb: a One per item, a
// write per row of a list, a list written per item of another (advised
// as the list it already is), and the loops that stop at the first row
// found or read through gdb's cache.
package gdbloops

import (
	"context"
	"time"

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

// CachedAuthors reads each author through gdb's cache: the statement of
// each id is sent once an hour at most, and every pass after the first
// hits, silent. A Duration below zero clears the entry and reads again:
// reported.
func CachedAuthors(ctx context.Context, db gdb.DB, posts []Post) {
	for _, p := range posts {
		db.Model("users").Ctx(ctx).Cache(gdb.CacheOption{Duration: time.Hour, Name: "user"}).Where("id", p.UserId).One()
	}
	for _, p := range posts {
		db.Model("users").Ctx(ctx).Cache(gdb.CacheOption{Duration: -1}).Where("id", p.UserId).One() // want `^gdb SELECT from users runs once per item of posts: n round trips instead of 1$`
	}
}

// TagPosts inserts each post's rows of tags, one statement per post:
// the statement takes a list already, and the advice says so.
func TagPosts(ctx context.Context, posts []Post, tags []string) {
	for _, p := range posts {
		rows := g.List{}
		for _, t := range tags {
			rows = append(rows, g.Map{"post_id": p.Id, "tag": t})
		}
		g.Model("post_tags").Ctx(ctx).Data(rows).Insert() // fix `it takes a list already` // want `^gdb INSERT runs once per item of posts: n round trips instead of 1$`
	}
}
