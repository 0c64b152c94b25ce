// Package goqubuilders creates its table itself and queries it through
// goqu: the filters its datasets write are checked like SQL.
package goqubuilders

import (
	"context"
	"database/sql"

	"github.com/doug-martin/goqu/v9"
)

const schema = `
CREATE TABLE IF NOT EXISTS songs (
    id       serial PRIMARY KEY,
    album_id int NOT NULL,
    title    text,
    plays    int
);
CREATE INDEX IF NOT EXISTS songs_title_idx ON songs (title);
`

func Setup(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, schema)
	return err
}

type song struct {
	ID    int    `db:"id"`
	Title string `db:"title"`
}

func ByAlbum(db *goqu.Database, album int) {
	var songs []song
	db.From("songs").Where(goqu.Ex{"album_id": album}).ScanStructs(&songs)                                // want `equality filter on songs\(album_id\)`
	db.From("songs").Where(goqu.C("title").Eq("x")).ScanStructs(&songs)                                   // silent: songs_title_idx
	db.From("songs").Where(goqu.C("id").Eq(album)).ScanStructs(&songs)                                    // silent: the primary key
	db.Update("songs").Set(goqu.Record{"plays": 1}).Where(goqu.C("album_id").Eq(album)).Executor().Exec() // want `equality filter on songs\(album_id\)`
}

func ByAlbumToSQL(db *sql.DB, album int) {
	q, args, _ := goqu.Dialect("postgres").From("songs").Select("id").Where(goqu.Ex{"album_id": album}).ToSQL()
	db.Query(q, args...) // want `equality filter on songs\(album_id\)`
}
