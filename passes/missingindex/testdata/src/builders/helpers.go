package builders

import (
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

// withPlays filters by album on every call, by plays when asked.
func withPlays(b sq.SelectBuilder, album, plays int) sq.SelectBuilder {
	eq := sq.Eq{"album_id": album}
	if plays > 0 {
		eq["plays"] = plays
	}
	return b.Where(eq)
}

// byFields filters by each field given: no filter is sent by every call.
func byFields(b sq.SelectBuilder, album, plays int) sq.SelectBuilder {
	eq := sq.Eq{}
	if album > 0 {
		eq["album_id"] = album
	}
	if plays > 0 {
		eq["plays"] = plays
	}
	if len(eq) == 0 {
		return b
	}
	return b.Where(eq)
}

// Filters a helper adds are checked at each call: the one every call
// sends is reported; those only some calls send never ground a finding,
// as optional clauses of a list do not.
func Helpers(db *sql.DB, album int) {
	withPlays(psql.Select("id").From("tracks"), album, 3).RunWith(db).Query() // want `^no index serves the equality filter on tracks\(album_id\): every call reads the whole table$`
	byFields(psql.Select("id").From("tracks"), album, 3).RunWith(db).Query()  // silent: album_id only on some calls

	// A condition the caller adds under an if is optional too.
	b := psql.Select("id").From("tracks")
	if album > 0 {
		b = b.Where(sq.Eq{"album_id": album})
	}
	b.RunWith(db).Query() // silent: album_id only on some calls
}
