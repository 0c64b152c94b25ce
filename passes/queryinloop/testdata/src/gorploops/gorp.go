// Package gorploops holds loops around gorp queries, direct and through
// a store's wrappers that rewrite placeholders for the dialect.
package gorploops

import (
	"strconv"
	"strings"

	"github.com/go-gorp/gorp/v3"
)

type Member struct {
	ID     int64 `db:"id"`
	TeamID int64 `db:"team_id"`
}

type Store struct{ sql *gorp.DbMap }

func (d *Store) Connect() {
	d.sql.AddTableWithName(Member{}, "members").SetKeys(true, "id")
}

func (d *Store) prepareQuery(query string) string {
	if _, ok := d.sql.Dialect.(gorp.PostgresDialect); ok {
		var b strings.Builder
		n := 1
		for _, r := range query {
			if r == '?' {
				b.WriteString("$" + strconv.Itoa(n))
				n++
				continue
			}
			b.WriteRune(r)
		}
		query = b.String()
	}
	return query
}

func (d *Store) selectAll(i interface{}, query string, args ...interface{}) ([]interface{}, error) {
	return d.sql.Select(i, d.prepareQuery(query), args...)
}

// Members runs one query per team through the wrapper.
func (d *Store) Members(teams []int64) {
	for _, id := range teams {
		var ms []Member
		d.selectAll(&ms, "SELECT id, team_id FROM members WHERE team_id = ?", id) // fix `^fetch the rows of all items in one query before the loop \(WHERE team_id IN \(\.\.\.\) with the keys of all items, or a JOIN\) and match them to the items in Go$` // want `^SELECT from members runs once per item of teams: n round trips instead of 1$`
	}
}

// Save inserts the rows one by one.
func (d *Store) Save(ms []Member) {
	for i := range ms {
		d.sql.Insert(&ms[i]) // fix `^insert all rows in one statement: INSERT INTO members \(\.\.\.\) VALUES \(\.\.\.\), \(\.\.\.\), \.\.\. with a row per item$` // want `^gorp INSERT into members runs once per item of ms: n round trips instead of 1$`
	}
}

// Counts loops over a fixed set of statements: two queries, whatever the
// data.
func (d *Store) Counts() {
	for _, q := range []string{"SELECT count(*) FROM members", "SELECT count(*) FROM teams"} {
		d.sql.SelectInt(q) // silent: one query per statement of the list, not per item of data
	}
}
