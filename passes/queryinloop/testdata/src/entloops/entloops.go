// Package entloops holds loops around ent's builders: an edge queried
// per item, a query per item's key, a create per item; and the shapes
// that send one statement for all items, or one per request.
package entloops

import (
	"context"

	"example.net/entapp/ent"
	"example.net/entapp/ent/post"
	"example.net/entapp/ent/user"
)

// EdgePerUser queries each user's posts edge: one query per user.
func EdgePerUser(ctx context.Context, client *ent.Client) {
	users, _ := client.User.Query().All(ctx) // one query before the loop: silent
	for _, u := range users {
		u.QueryPosts().All(ctx) // fix `\(the In predicate of user_posts \(Where\(x.FieldIn\(keys...\)\)\), or With<Edge>\(\) on the query that reads the items\)` // want `^ent SELECT from posts runs once per item of users: n round trips instead of 1$`
	}
}

// PostsPerUser looks each user's posts up by its key.
func PostsPerUser(ctx context.Context, client *ent.Client, users []*ent.User) {
	for _, u := range users {
		client.Post.Query().Where(post.UserID(u.ID)).All(ctx) // fix `the In predicate of user_id` // want `^ent SELECT from posts runs once per item of users: n round trips instead of 1$`
	}
}

// CreatePerItem saves each post alone.
func CreatePerItem(ctx context.Context, client *ent.Client, titles []string) {
	for _, t := range titles {
		client.Post.Create().SetTitle(t).Save(ctx) // fix `CreateBulk\(builders...\).Save\(ctx\) with a builder per item` // want `^ent INSERT into posts runs once per item of titles: n round trips instead of 1$`
	}
}

// Bulk builds the rows in the loop and inserts them in one statement:
// silent, CreateBulk is the fix.
func Bulk(ctx context.Context, client *ent.Client, titles []string) {
	var builders []*ent.PostCreate
	for _, t := range titles {
		builders = append(builders, client.Post.Create().SetTitle(t))
	}
	client.Post.CreateBulk(builders...).Save(ctx)
}

// Eager loads every user's posts with the users: one more query for
// all of them, not one per user. Reading the loaded edges sends nothing.
func Eager(ctx context.Context, client *ent.Client) int {
	users, _ := client.User.Query().Where(user.NameContains("a")).WithPosts().All(ctx)
	n := 0
	for _, u := range users {
		n += u.ID
	}
	return n
}

// Handler counts the users once per request: silent.
func Handler(ctx context.Context, client *ent.Client) int {
	n, _ := client.User.Query().Count(ctx)
	return n
}

// Chunked updates one chunk of ids per statement, the chunk spread
// into the In predicate: silent.
func Chunked(ctx context.Context, client *ent.Client, chunks [][]int) {
	for _, chunk := range chunks {
		client.User.Update().Where(user.IDIn(chunk...)).SetName("x").Exec(ctx)
	}
}

// RenameEach updates each user's row with its own value.
func RenameEach(ctx context.Context, client *ent.Client, users []*ent.User) {
	for _, u := range users {
		u.Update().SetName("x").Exec(ctx) // fix `OnConflictColumns\("id"\)\.UpdateNewValues\(\)` // want `^ent UPDATE users runs once per item of users: n round trips instead of 1$`
	}
}
