// Package builders creates its table itself and queries it through
// squirrel and dbx: the filters the builders write are checked like SQL.
package builders

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
	"github.com/pocketbase/dbx"
)

const schema = `
CREATE TABLE IF NOT EXISTS tracks (
    id       serial PRIMARY KEY,
    album_id int NOT NULL,
    title    text,
    plays    int
);
CREATE INDEX IF NOT EXISTS tracks_title_idx ON tracks (title);
`

func Setup(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, schema)
	return err
}

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

func ByAlbum(db *sql.DB, album int) {
	psql.Select("id").From("tracks").Where(sq.Eq{"album_id": album}).RunWith(db).Query() // want `equality filter on tracks\(album_id\)`
	psql.Select("id").From("tracks").Where(sq.Eq{"title": "x"}).RunWith(db).Query()      // silent: tracks_title_idx
	psql.Select("id").From("tracks").Where(sq.Eq{"id": album}).RunWith(db).Query()       // silent: the primary key
}

func DbxByAlbum(db *dbx.DB, album int) {
	var ids []int
	db.Select("id").From("tracks").Where(dbx.HashExp{"album_id": album}).Column(&ids) // want `equality filter on tracks\(album_id\)`
}

// queryOne takes the builder: each call runs its caller's chain, whose
// filters are checked there.
func queryOne(db *sql.DB, s sq.Sqlizer) error {
	q, args, err := s.ToSql()
	if err != nil {
		return err
	}
	return db.QueryRow(q, args...).Err()
}

func ByAlbumThroughBase(db *sql.DB, album int) {
	queryOne(db, psql.Select("id").From("tracks").Where(sq.Eq{"album_id": album})) // want `equality filter on tracks\(album_id\)`
	queryOne(db, psql.Select("id").From("tracks").Where(sq.Eq{"title": "x"}))      // silent: tracks_title_idx
}
