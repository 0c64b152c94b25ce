// Package hooks runs hooks in reverse order.
package hooks

import (
	"database/sql"
	"fmt"
	"reflect"
)

type Hook interface{ Run() error }

type hookList []Hook

// reversed hands the list to reflect, which reads its length and swaps
// its items: it calls no method of a hook.
func (h hookList) reversed() hookList {
	a := make(hookList, len(h))
	copy(a, h)
	n := reflect.ValueOf(a).Len()
	swap := reflect.Swapper(a)
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		swap(i, j)
	}
	return a
}

// Sink is a hook of another list.
type Sink interface{ Run() error }

type sinkList []Sink

// first hands an item of the list out of reflect as an interface value:
// whoever gets it holds a Sink.
func (s sinkList) first() any {
	return reflect.ValueOf(s).Index(0).Interface()
}

// Audit is a hook that holds a store.
type Audit struct{ Store *Store }

func (a Audit) Run() error { return nil }

type Store struct{ db *sql.DB }

// Unused is exported, and nothing calls it.
func (s *Store) Unused(ids []int) {
	for _, id := range ids {
		_, _ = s.db.Exec("DELETE FROM audit WHERE id = $1", id)
	}
}

// Export is a sink that holds an archive, in a list handed out as any.
type Export struct{ Archive *Archive }

func (e Export) Run() error { return nil }

type Archive struct{ db *sql.DB }

// Purge: nothing in the module calls it; a value of its type left the
// module by first, held by a Sink, whose Run is all code outside calls.
func (a *Archive) Purge(ids []int) {
	for _, id := range ids {
		_, _ = a.db.Exec("DELETE FROM archive WHERE id = $1", id)
	}
}

// Counts is printed: fmt calls String.
type Counts struct {
	DB  *sql.DB
	IDs []int
}

func (c *Counts) String() string {
	out := ""
	for _, id := range c.ids() {
		var n string
		_ = c.DB.QueryRow("SELECT count(*) FROM votes WHERE post_id = $1", id).Scan(&n)
		out += n
	}
	return out
}

func Run(db *sql.DB) {
	hs := hookList{Audit{Store: &Store{db: db}}}
	for _, h := range hs.reversed() {
		_ = h.Run()
	}
	ex := sinkList{Export{Archive: &Archive{db: db}}}
	fmt.Println(ex.first() != nil)
	fmt.Println(&Counts{DB: db})
}

// ids are the rows' ids: as many as the table holds.
func (c *Counts) ids() []int {
	rows, err := c.DB.Query("SELECT id FROM posts")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var id int
		if rows.Scan(&id) == nil {
			out = append(out, id)
		}
	}
	return out
}
