// Package entapp queries through ent's builders; the tables, keys and
// indexes are those ent's generated migrate package declares
// (example.net/entapp/ent/migrate), its only schema.
package entapp

import (
	"context"

	"example.net/entapp/ent"
	"example.net/entapp/ent/post"
	"example.net/entapp/ent/user"
)

func ByName(ctx context.Context, client *ent.Client, name string) {
	client.User.Query().Where(user.Name(name)).All(ctx) // want `no index serves the equality filter on users\(name\)`
}

func ByEmail(ctx context.Context, client *ent.Client, email string) {
	client.User.Query().Where(user.Email(email)).Only(ctx) // a unique column: silent
}

func ByID(ctx context.Context, client *ent.Client, id int) {
	client.User.Get(ctx, id) // the primary key: silent
}

func ByUserID(ctx context.Context, client *ent.Client, id int) {
	client.Post.Query().Where(post.UserID(id)).All(ctx) // the index post_user_id_title leads with user_id: silent
}

func ByTitle(ctx context.Context, client *ent.Client, title string) {
	client.Post.Query().Where(post.Title(title)).All(ctx) // want `no index serves the equality filter on posts\(title\)`
}
