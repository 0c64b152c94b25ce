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
