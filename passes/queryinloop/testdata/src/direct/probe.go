package direct

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// Probes: a counting loop asking about one candidate name per pass, and
// handing back the first one free. It runs until a name is free, which
// is normally the first or second, however large its bound.

func tagTaken(ctx context.Context, db *sql.DB, tag string) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM inbounds WHERE tag = $1", tag).Scan(&n)
	return n > 0, err
}

// FreeTag returns the first free tag of base-2, base-3...
func FreeTag(ctx context.Context, db *sql.DB, base string) (string, error) {
	for i := 2; i < 100; i++ {
		c := fmt.Sprintf("%s-%d", base, i)
		taken, err := tagTaken(ctx, db, c)
		if err != nil {
			return "", err
		}
		if !taken {
			return c, nil
		}
	}
	return "", errors.New("no free tag")
}

// FreeName keeps the free name and breaks.
func FreeName(ctx context.Context, db *sql.DB, base string, limit int) string {
	name := base
	for i := range limit {
		c := base + strconv.Itoa(i+1)
		if taken, _ := tagTaken(ctx, db, c); !taken {
			name = c
			break
		}
	}
	return name
}

// Shards reads a table per shard, named from the counter: each pass's
// rows are data, and no candidate is handed back.
func Shards(ctx context.Context, db *sql.DB, shards int) (int, error) {
	total := 0
	for i := 0; i < shards; i++ {
		table := fmt.Sprintf("events_%d", i)
		taken, err := tagTaken(ctx, db, table) // want `^direct.tagTaken runs SELECT from inbounds \(probe.go:17\) once per item of shards`
		if err != nil {
			return 0, err
		}
		if taken {
			total++
		}
	}
	return total, nil
}

// Labels hands back a candidate, but its counter also indexes a list:
// the counter picks an item.
func Labels(ctx context.Context, db *sql.DB, names []string) string {
	for i := 0; i < len(names); i++ {
		c := fmt.Sprintf("%s-%d", names[i], i)
		if taken, _ := tagTaken(ctx, db, c); !taken { // want `^direct.tagTaken runs SELECT from inbounds \(probe.go:17\) once per item of names`
			return c
		}
	}
	return ""
}
