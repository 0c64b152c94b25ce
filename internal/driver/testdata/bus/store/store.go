// Package store answers the bus's queries and commands with SQL.
package store

import (
	"context"

	"example.com/bus/bus"
	"example.com/bus/dbx"
	"example.com/bus/query"
)

func Init() {
	bus.AddHandler(getPost)
	bus.AddHandler(listPosts)
	bus.AddHandler(addVote)
	bus.AddListener(countView)
	bus.AddHandler(getSession)
	bus.AddHandler(hidePosts)
	bus.AddHandler(purgePosts)
}

func getPost(ctx context.Context, q *query.GetPost) error {
	trx, err := dbx.BeginTx(ctx)
	if err != nil {
		return err
	}
	q.Result = &query.Post{}
	return trx.Get(&q.Result.Title, `
		SELECT title
		FROM posts
		WHERE id = $1`, q.ID)
}

func listPosts(ctx context.Context, q *query.ListPosts) error {
	trx, err := dbx.BeginTx(ctx)
	if err != nil {
		return err
	}
	return trx.Select(&q.Result, "SELECT id, title FROM posts ORDER BY id DESC LIMIT 30")
}

func addVote(ctx context.Context, c *query.AddVote) error {
	trx, err := dbx.BeginTx(ctx)
	if err != nil {
		return err
	}
	_, err = trx.Execute("INSERT INTO votes (post_id) VALUES ($1)", c.PostID)
	return err
}

func countView(ctx context.Context, e *query.PostViewed) {
	trx, err := dbx.BeginTx(ctx)
	if err != nil {
		return
	}
	_, _ = trx.Execute("UPDATE posts SET views = views + 1 WHERE id = $1", e.PostID)
}

func getSession(ctx context.Context, q *query.GetSession) error {
	trx, err := dbx.BeginTx(ctx)
	if err != nil {
		return err
	}
	return trx.Get(&q.UserID, "SELECT user_id FROM sessions WHERE id = $1", 1)
}

// hidePosts runs an UPDATE per post: an N+1 of the route that sends
// HidePosts.
func hidePosts(ctx context.Context, c *query.HidePosts) error {
	trx, err := dbx.BeginTx(ctx)
	if err != nil {
		return err
	}
	for _, id := range c.IDs {
		if _, err := trx.Execute("UPDATE posts SET hidden = true WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}

// purgePosts is registered for a command nothing sends: its N+1 runs
// when something does, and no entry point reaches it today.
func purgePosts(ctx context.Context, c *query.PurgePosts) error {
	trx, err := dbx.BeginTx(ctx)
	if err != nil {
		return err
	}
	for _, id := range c.IDs {
		if _, err := trx.Execute("DELETE FROM posts WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}
