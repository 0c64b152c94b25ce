package postgres

import (
	_ "embed"
	"fmt"
	"reflect"
	"strings"
)

// queries.sql holds the queries that are easier to read as SQL files; each
// block starts with a "-- name: x" line and fills the field tagged
// query:"x".
//
//go:embed queries.sql
var queriesSQL string

type queries struct {
	ListComments string `query:"list-comments"`
}

// loadQueries fills the fields of queries from queries.sql.
func loadQueries() (*queries, error) {
	blocks := map[string]string{}
	name := ""
	for _, line := range strings.Split(queriesSQL, "\n") {
		if n, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name:"); ok {
			name = strings.TrimSpace(n)
			continue
		}
		if name != "" {
			blocks[name] += line + "\n"
		}
	}
	q := &queries{}
	v := reflect.ValueOf(q).Elem()
	for i := 0; i < v.NumField(); i++ {
		tag := v.Type().Field(i).Tag.Get("query")
		text, ok := blocks[tag]
		if !ok {
			return nil, fmt.Errorf("queries.sql: no query named %q", tag)
		}
		v.Field(i).SetString(strings.TrimSpace(text))
	}
	return q, nil
}
