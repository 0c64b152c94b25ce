package benchgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// SQLCorpus returns n distinct SQL texts shaped like the queries of a
// service's stores, for benchmarks of normalization and parsing: lookups
// by key, lists with ORDER BY and LIMIT, inserts with RETURNING, updates,
// deletes, counts, joins, IN lists, CTEs, and one text in five written
// for MySQL or SQLite (? and :name placeholders, backquotes), which
// sqlheat normalizes before parsing. The same seed gives the same texts.
func SQLCorpus(seed uint64, n int) []string {
	rng := rand.New(rand.NewPCG(seed, 0xc0de))
	seen := map[string]bool{}
	var out []string
	for i := 0; len(out) < n; i++ {
		t, p := noun(i%997, 0), noun(rng.IntN(997), 0)
		extra := extraCols[rng.IntN(len(extraCols))].name
		cols := "id, account_id, parent_id, name, status, " + extra + ", created_at"
		var q string
		switch i % 12 {
		case 0:
			q = fmt.Sprintf("SELECT %s FROM %s WHERE id = $1", cols, t)
		case 1:
			q = fmt.Sprintf("SELECT %s FROM %s WHERE account_id = $1 ORDER BY created_at DESC LIMIT $2", cols, t)
		case 2:
			q = fmt.Sprintf("INSERT INTO %s (account_id, parent_id, name, status, %s) VALUES ($1, $2, $3, $4, $5) RETURNING id", t, extra)
		case 3:
			q = fmt.Sprintf("UPDATE %s SET status = $1, updated_at = now() WHERE id = $2", t)
		case 4:
			q = fmt.Sprintf("SELECT count(*) FROM %s WHERE account_id = $1 AND status <> 'archived'", t)
		case 5:
			q = fmt.Sprintf("SELECT a.id, a.name, b.name AS parent FROM %s a JOIN %s b ON b.id = a.parent_id WHERE a.account_id = $1 AND b.status = 'active' ORDER BY a.id LIMIT 50", t, p)
		case 6:
			q = fmt.Sprintf("DELETE FROM %s WHERE id = ANY($1) AND account_id = $2", t)
		case 7:
			q = fmt.Sprintf("SELECT * FROM %s WHERE lower(%s) = lower($1)", t, extra)
		case 8:
			q = fmt.Sprintf("WITH recent AS (SELECT id, account_id FROM %s WHERE created_at > now() - interval '1 day') SELECT r.id, x.name FROM recent r LEFT JOIN %s x ON x.account_id = r.account_id WHERE x.status IN ('new', 'open', 'pending')", t, p)
		case 9:
			q = fmt.Sprintf("SELECT %s FROM %s WHERE status = $1 AND (name ILIKE '%%' || $2 || '%%' OR %s = $3) ORDER BY id OFFSET $4 LIMIT 20", cols, t, extra)
		case 10: // MySQL
			q = fmt.Sprintf("SELECT `id`, `name`, `%s` FROM `%s` WHERE `account_id` = ? AND `status` = ? ORDER BY `id` DESC LIMIT 20", extra, t)
		case 11: // SQLite, named
			q = fmt.Sprintf("INSERT INTO %s (account_id, name, status) VALUES (:account_id, :name, 'new') ON CONFLICT (account_id, name) DO UPDATE SET status = excluded.status", t)
		}
		if i >= 12*997 {
			q += fmt.Sprintf(" -- variant %d", i/(12*997))
		}
		if rng.IntN(3) == 0 {
			q = strings.ReplaceAll(q, " WHERE ", "\n\tWHERE ")
		}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}
