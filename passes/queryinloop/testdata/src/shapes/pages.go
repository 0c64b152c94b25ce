package shapes

import (
	"context"
	"strconv"
)

// Paging is how a caller asks for one page.
type Paging struct {
	Limit  int64
	Offset int64
	After  int64
}

type member struct{ ID, UserID int64 }

const pageSize, maxScan = 100, 1000

func (s *Store) members(ctx context.Context, org int64, p *Paging) ([]member, error) {
	_, err := s.db.QueryContext(ctx, `SELECT id, user_id FROM members WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT $3 OFFSET $4`, org, p.After, p.Limit, p.Offset)
	return nil, err
}

// ScanPages reads the members a page at a time, the page's offset in a
// literal handed by address: one query per page is the batch itself. A
// user looked up per member of each page is the N+1.
func (s *Store) ScanPages(ctx context.Context, org int64) error {
	page := int64(1)
	for scanned := 0; scanned < maxScan; {
		ms, err := s.members(ctx, org, &Paging{Limit: pageSize, Offset: (page - 1) * pageSize}) // silent: one query per page
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			break
		}
		for _, m := range ms {
			scanned++
			s.user(ctx, m.UserID) // want `shapes.\(\*Store\).user runs .* once per item of ms, inside the loop over maxScan`
		}
		if len(ms) < pageSize {
			break
		}
		page++
	}
	return nil
}

// ScanAfter pages by the last key read (a cursor).
func (s *Store) ScanAfter(ctx context.Context, org int64) error {
	var after int64
	for n := 0; n < maxScan; n += len("x") {
		ms, err := s.members(ctx, org, &Paging{Limit: pageSize, After: after}) // silent: one query per page
		if err != nil || len(ms) == 0 {
			return err
		}
		after = ms[len(ms)-1].ID
	}
	return nil
}

// SameLiteral hands every item the same literal: nothing carries from
// one iteration to the next, and each item costs its query.
func (s *Store) SameLiteral(ctx context.Context, orgs []int64) {
	for _, org := range orgs {
		s.members(ctx, org, &Paging{Limit: pageSize}) // want `shapes.\(\*Store\).members runs .* once per item of orgs`
	}
}

// Hundred runs a query a hundred times: a large constant bound is data,
// named as written.
func (s *Store) Hundred(ctx context.Context) {
	for i := 0; i < 100; i++ {
		s.user(ctx, int64(i)) // want `once per item of i < 100:`
	}
}

// ExportAfter pages by the last key read, through a parameter struct the
// body builds for each page from the cursor the previous page left.
func (s *Store) ExportAfter(ctx context.Context, org int64, pages int) {
	var after int64
	for i := 0; i < pages; i++ {
		params := Paging{Limit: pageSize, After: after}
		ms, err := s.members(ctx, org, &params) // silent: one query per page
		if err != nil {
			return
		}
		for _, m := range ms {
			after = m.ID
		}
	}
}

// PerOrgParams builds its parameters from each item, and from a value
// set before the loop that the loop never changes: a query per item.
func (s *Store) PerOrgParams(ctx context.Context, orgs []int64, after int64) {
	for _, org := range orgs {
		params := Paging{Limit: pageSize, After: after}
		s.members(ctx, org, &params) // want `shapes.\(\*Store\).members runs .* once per item of orgs`
	}
}

// scanState is a resumable scan's progress, saved between runs.
type scanState struct {
	cursor, upper int64
	done          bool
}

// ScanState pages by the last key read, kept in a field of the scan's
// state (state.cursor = last): one query per page.
func (s *Store) ScanState(ctx context.Context, org int64, state *scanState) {
	for state.cursor < state.upper {
		ms, err := s.members(ctx, org, &Paging{Limit: pageSize, After: state.cursor}) // silent: one query per page
		if err != nil || len(ms) == 0 {
			return
		}
		last := state.cursor
		for _, m := range ms {
			last = m.ID
		}
		state.cursor = last
	}
}

// ScanStateOther reads one field of the state and writes another: the
// query's arguments stay the same from one pass to the next.
func (s *Store) ScanStateOther(ctx context.Context, orgs []int64, state *scanState) {
	for _, org := range orgs {
		s.members(ctx, org, &Paging{Limit: pageSize, After: state.cursor}) // want `shapes.\(\*Store\).members runs .* once per item of orgs`
		state.done = true
	}
}

// keyRef names a key by a pointer to its environment's id.
type keyRef struct{ Env *int64 }

// ScanStateAddr builds each call's literal with the address of a field
// it reads: an address taken is no write of the previous pass.
func (s *Store) ScanStateAddr(ctx context.Context, orgs []int64, state *scanState) {
	for _, org := range orgs {
		s.membersAt(ctx, org, keyRef{Env: &state.cursor}) // want `shapes.\(\*Store\).membersAt runs .* once per item of orgs`
	}
}

func (s *Store) membersAt(ctx context.Context, org int64, k keyRef) {
	s.db.QueryContext(ctx, `SELECT id FROM members WHERE org_id = $1 AND id > $2`, org, *k.Env)
}

// install is an app's install, its environment rewritten per resource.
type install struct{ Env string }

// Recover recreates each resource's database with the install's
// environment, which each pass rewrites from the last: the call reads
// the item too, and runs per item.
func (s *Store) Recover(ctx context.Context, ids []int64, inst *install) {
	for _, id := range ids {
		s.membersAt(ctx, id, keyRef{Env: &id}) // want `shapes.\(\*Store\).membersAt runs .* once per item of ids`
		s.recreate(ctx, id, inst.Env)          // want `shapes.\(\*Store\).recreate runs .* once per item of ids`
		inst.Env = inst.Env + ";" + "host"
	}
}

func (s *Store) recreate(ctx context.Context, id int64, env string) {
	s.db.ExecContext(ctx, `UPDATE installs SET env = $2 WHERE id = $1`, id, env)
}

const flushEvery = 500

// insertMany sends one multi-row INSERT for the rows, its VALUES list
// built for them.
func (s *Store) insertMany(ctx context.Context, ids []int64) {
	q := `INSERT INTO seen (id) VALUES `
	var args []any
	for i, id := range ids {
		if i > 0 {
			q += ", "
		}
		args = append(args, id)
		q += "($" + strconv.Itoa(len(args)) + ")"
	}
	s.db.ExecContext(ctx, q, args...)
}

// Flushed fills a batch and sends it once it is full: one statement per
// batch, whether the batch is handed over or read by a closure.
func (s *Store) Flushed(ctx context.Context, ids []int64, size int) {
	var batch []int64
	flush := func() {
		s.insertMany(ctx, batch)
		batch = batch[:0]
	}
	for _, id := range ids {
		batch = append(batch, id)
		if len(batch) >= flushEvery {
			s.insertMany(ctx, batch) // silent: once per 500 ids
			batch = batch[:0]
		}
	}
	for _, id := range ids {
		batch = append(batch, id)
		if len(batch) == size {
			flush() // silent: once per batch
		}
	}
	flush()
}

// NotFlushed tests the batch's length but sends one item, or tests
// another list's: per item.
func (s *Store) NotFlushed(ctx context.Context, ids []int64, seen []int64) {
	var batch []int64
	for _, id := range ids {
		batch = append(batch, id)
		if len(batch) >= flushEvery {
			s.user(ctx, id) // want `shapes.\(\*Store\).user runs .* once per item of ids`
		}
		if len(seen) > flushEvery {
			s.user(ctx, id) // want `shapes.\(\*Store\).user runs .* once per item of ids`
		}
	}
}

// group is a named list of ids.
type group struct {
	Name string
	IDs  []int64
}

// FlushedPerGroup fills a batch per group, sends it when full and what
// is left after each group: the call under the size test sends at most
// one statement per 500 ids, across the groups too; the one after each
// group's loop runs per group.
func (s *Store) FlushedPerGroup(ctx context.Context, groups []group) {
	for _, g := range groups {
		var batch []int64
		for _, id := range g.IDs {
			batch = append(batch, id)
			if len(batch) == flushEvery {
				s.insertMany(ctx, batch) // silent: once per 500 ids
				batch = nil
			}
		}
		s.insertMany(ctx, batch) // want `shapes.\(\*Store\).insertMany runs .* once per item of groups`
	}
}
