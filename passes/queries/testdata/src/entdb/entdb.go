// Package entdb sends its SQL through the builders ent generated
// (example.net/entapp/ent): queries, edges, eager loading and writes.
package entdb // want `stats: 26 sites, 0 unresolved, 0 unparsed, 26 orm`

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"example.net/entapp/ent"
	"example.net/entapp/ent/post"
	"example.net/entapp/ent/predicate"
	"example.net/entapp/ent/user"
)

func Reads(ctx context.Context, client *ent.Client, name string, id int, ids []int, preds []predicate.User) { // want `issuesQueries\(.*\)`
	client.User.Query().Where(user.NameEQ(name)).Limit(10).All(ctx)                                              // want `site orm read "SELECT users.id, users.name, users.email FROM users WHERE \(users.name = \$1\) LIMIT 10"`
	client.User.Query().Where(user.Name(name), user.EmailIsNil()).Order(user.ByName(sql.OrderDesc())).First(ctx) // want `site orm read "SELECT .* FROM users WHERE \(users.name = \$1\) AND \(users.email IS NULL\) ORDER BY users.name DESC LIMIT 1"`
	client.User.Get(ctx, id)                                                                                     // want `site orm read "SELECT .* FROM users WHERE \(users.id = \$1\) LIMIT 2"`
	client.User.Query().Where(user.Or(user.Name(name), user.Email(name))).Count(ctx)                             // want `site orm read "SELECT COUNT\(\*\) FROM users WHERE \(\(users.name = \$1\) OR \(users.email = \$2\)\)"`
	client.Post.Query().Where(post.UserIDIn(ids...)).Offset(20).IDs(ctx)                                         // want `site orm read "SELECT posts.id FROM posts WHERE \(posts.user_id IN \(\$1\)\) OFFSET 20"`
	client.User.Query().Where(user.NameContains(name), user.Not(user.IDIn(ids...))).Exist(ctx)                   // want `site orm read "SELECT users.id FROM users WHERE \(users.name LIKE \$1\) AND \(NOT \(users.id IN \(\$2\)\)\) LIMIT 1"`
	client.User.Query().Where(user.HasPosts()).OnlyIDX(ctx)                                                      // want `site orm read "SELECT users.id FROM users WHERE \(users.id IN \(SELECT posts.user_posts FROM posts\)\) LIMIT 2"`
	client.User.Query().Where(user.HasPostsWith(post.Title(name))).AllX(ctx)                                     // want `site orm read "SELECT .* FROM users WHERE \(users.id IN \(SELECT posts.user_posts FROM posts WHERE \(posts.title = \$1\)\)\)"`
	client.User.Query().Select(user.FieldName).Strings(ctx)                                                      // want `site orm read "SELECT users.name FROM users"`
	// A predicate the program builds elsewhere: one parameter stands
	// for it, the rest of the statement is read.
	client.User.Query().Where(preds...).Where(user.Name(name)).All(ctx) // want `site orm read "SELECT .* FROM users WHERE \(\$1\) AND \(users.name = \$2\)" partial: predicate preds$`
	q := client.User.Query().Where(user.Email(name))
	if id > 0 {
		q = q.Where(user.ID(id))
	}
	q.All(ctx) // want `site orm read "SELECT .* FROM users WHERE \(users.email = \$1\) AND \(users.id = \$2\)" optional users.id =`
	// ent's builders change in place: a Where under a condition is
	// optional as a reassigned one is.
	q2 := client.User.Query().Where(user.Email(name))
	if id > 0 {
		q2.Where(user.ID(id))
	}
	q2.Count(ctx) // want `site orm read "SELECT COUNT\(\*\) FROM users WHERE \(users.email = \$1\) AND \(users.id = \$2\)" optional users.id =`
	// entgql's page of a connection, after a cursor: the page's rows.
	client.User.Query().Where(user.NameEQ(name)).Paginate(ctx, nil, nil, nil, nil) // want `site orm read "SELECT .* FROM users WHERE \(users.name = \$1\) AND \(users.id > \$2\) ORDER BY users.id LIMIT \$3"`
}

// Edges: the query of an entity's edge filters on the foreign key;
// eager loading is one more query per edge, for all rows at once.
func Edges(ctx context.Context, client *ent.Client, u *ent.User, p *ent.Post) { // want `issuesQueries\(.*\)`
	u.QueryPosts().All(ctx)                                           // want `site orm read "SELECT posts.id, posts.title, posts.user_id FROM posts WHERE \(posts.user_posts = \$1\)"`
	p.QueryOwner().OnlyX(ctx)                                         // want `site orm read "SELECT .* FROM users WHERE \(users.id IN \(SELECT posts.user_posts FROM posts WHERE posts.id = \$1\)\) LIMIT 2"`
	client.User.Query().Where(user.Name("a")).QueryPosts().Count(ctx) // want `site orm read "SELECT COUNT\(\*\) FROM posts WHERE \(posts.user_posts IN \(SELECT users.id FROM users WHERE \(users.name = \$1\)\)\)"`
	client.User.Query().WithPosts().All(ctx)                          // want `site orm read "SELECT .* FROM users;\\nSELECT posts.id, posts.title, posts.user_id FROM posts WHERE posts.user_posts IN \(\$1\)"`
}

func Writes(ctx context.Context, client *ent.Client, u *ent.User, bulk []*ent.PostCreate, name string, id int) { // want `issuesQueries\(.*\)`
	client.User.Create().SetName(name).SetEmail(name).Save(ctx)          // want `site orm write "INSERT INTO users \(name, email\) VALUES \(\$1, \$2\)"`
	client.Post.CreateBulk(bulk...).Save(ctx)                            // want `site orm write "INSERT INTO posts \(title, user_id\) VALUES \(\$1, \$2\)"`
	client.User.Update().Where(user.Name(name)).SetEmail(name).Exec(ctx) // want `site orm write "UPDATE users SET email = \$1 WHERE \(users.name = \$2\)"`
	client.User.UpdateOneID(id).SetName(name).Save(ctx)                  // want `site orm write "UPDATE users SET name = \$1 WHERE users.id = \$2"`
	u.Update().SetName(name).SaveX(ctx)                                  // want `site orm write "UPDATE users SET name = \$1 WHERE users.id = \$2"`
	client.User.Delete().Where(user.Name(name)).Exec(ctx)                // want `site orm write "DELETE FROM users WHERE \(users.name = \$1\)"`
	client.User.DeleteOneID(id).Exec(ctx)                                // want `site orm write "DELETE FROM users WHERE users.id = \$1"`
	tx, _ := client.Tx(ctx)
	tx.Post.Create().SetTitle(name).SetUserID(id).ExecX(ctx) // want `site orm write "INSERT INTO posts \(title, user_id\) VALUES \(\$1, \$2\)"`
	tx.Commit()
}

// UserQuery is the program's own type, not ent's: its All sends nothing.
type UserQuery struct{}

func (UserQuery) Where(string) UserQuery             { return UserQuery{} }
func (UserQuery) All(context.Context) ([]int, error) { return nil, nil }

func NotEnt(ctx context.Context) {
	UserQuery{}.Where("x").All(ctx) // no site: not a builder ent generated
}

// Handed is a builder the caller made: its conditions are the caller's,
// a parameter stands for them.
func Handed(ctx context.Context, q *ent.UserQuery) { // want `issuesQueries\(.*\)`
	q.Limit(5).All(ctx) // want `site orm read "SELECT .* FROM users WHERE \(\$1\) LIMIT 5" partial: conditions added where the builder was made$`
}
