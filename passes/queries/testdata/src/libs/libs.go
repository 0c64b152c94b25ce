// Package libs exercises every library in the table.
package libs // want `stats: 18 sites, 0 unresolved, 0 unparsed, 3 orm`

import (
	"context"

	pgxv4 "github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

type User struct{ ID int64 }

func SQLX(ctx context.Context, db *sqlx.DB, ids []int64) { // want `issuesQueries\(.*\)`
	var u User
	db.GetContext(ctx, &u, "SELECT id FROM users WHERE id = $1", 1) // want `site query read "SELECT id FROM users WHERE id = \$1"`
	db.Select(&u, "SELECT id FROM users")                           // want `site query read "SELECT id FROM users"`
	db.NamedExec("UPDATE users SET name = :name WHERE id = :id", u) // want `site exec write "UPDATE users SET name = :name WHERE id = :id"`
	q, args, _ := sqlx.In("SELECT id FROM users WHERE id IN (?)", ids)
	q = db.Rebind(q)
	db.SelectContext(ctx, &u, q, args...) // want `site query read "SELECT id FROM users WHERE id IN \(\?\)"`
	db.QueryContext(ctx, "SELECT 1")      // want `site query read "SELECT 1"`
}

func PGX5(ctx context.Context, conn *pgx.Conn, pool *pgxpool.Pool, ids []int64) error { // want `issuesQueries\(.*\)`
	conn.QueryRow(ctx, "SELECT id FROM users WHERE id = $1", 1) // want `site query read "SELECT id FROM users WHERE id = \$1"`
	pool.Exec(ctx, "DELETE FROM users WHERE id = $1", 1)        // want `site exec write "DELETE FROM users WHERE id = \$1"`
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	tx.Query(ctx, "SELECT id FROM orders") // want `site query read "SELECT id FROM orders"`
	// Batch.Queue is not a round trip; SendBatch is.
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("UPDATE users SET seen = now() WHERE id = $1", id)
	}
	return pool.SendBatch(ctx, b).Close() // want `site batch write "UPDATE users SET seen = now\(\) WHERE id = \$1"`
}

func PGX4(ctx context.Context, conn *pgxv4.Conn) { // want `issuesQueries\(.*\)`
	conn.Exec(ctx, "UPDATE users SET n = 0") // want `site exec write "UPDATE users SET n = 0"`
}

func Gorm(db *gorm.DB) { // want `issuesQueries\(.*\)`
	var users []User
	db.Where("active").Find(&users)                             // want `site orm read "SELECT \* FROM users WHERE \(active\)"`
	db.Raw("SELECT id FROM users WHERE id = ?", 1).Scan(&users) // want `site orm read "SELECT id FROM users WHERE id = \?"`
	db.Create(&User{})                                          // want `site orm write "INSERT INTO users DEFAULT VALUES"`
	db.Exec("DELETE FROM users")                                // want `site exec write "DELETE FROM users"`
}

func Bun(ctx context.Context, db *bun.DB) { // want `issuesQueries\(.*\)`
	var users []User
	db.NewSelect().Model(&users).Scan(ctx)                              // want `site orm read "SELECT \\"user\\".id FROM users AS \\"user\\""`
	db.NewRaw("SELECT id FROM users WHERE id = ?", 1).Scan(ctx, &users) // want `site orm read "SELECT id FROM users WHERE id = \?"`
	db.QueryContext(ctx, "SELECT 2")                                    // want `site query read "SELECT 2"`
}

// DBTX is the interface sqlc generates: calls through it are query sites
// because *pgxpool.Pool implements it.
type DBTX interface {
	Exec(context.Context, string, ...interface{}) (pgconnCommandTag, error)
	QueryRow(context.Context, string, ...interface{}) pgx.Row
}

type pgconnCommandTag = interface{}

type Queries struct{ db pgxDBTX }

type pgxDBTX interface {
	QueryRow(context.Context, string, ...interface{}) pgx.Row
}

const getUser = `-- name: GetUser :one
SELECT id FROM users WHERE id = $1`

func (q *Queries) GetUser(ctx context.Context, id int64) error { // want `issuesQueries\(read .*\)`
	row := q.db.QueryRow(ctx, getUser, id) // want `site query read "-- name: GetUser :one\\nSELECT id FROM users WHERE id = \$1"`
	return row.Scan(&id)
}
