package direct

import (
	"context"
	"database/sql"
	"reflect"
	"slices"
)

// Writes of what changed: a sync copying what differs from its source
// writes only the rows that changed since its last pass.

type Cust struct {
	ID      int64
	Name    string
	Phone   string
	State   string
	Tags    []string
	Address Addr
}

type Addr struct{ City, Line1 string }

type Upstream struct {
	Name    string
	Phone   string
	Deleted bool
	Tags    []string
	Address *Addr
}

func fetchUpstream(ctx context.Context, id int64) (*Upstream, error) { return &Upstream{}, nil }

func saveCust(ctx context.Context, db *sql.DB, c Cust) error {
	_, err := db.ExecContext(ctx, "UPDATE customers SET name = $1, phone = $2 WHERE id = $3", c.Name, c.Phone, c.ID)
	return err
}

// syncCust copies each field the provider changed and writes the row
// when one did.
func syncCust(ctx context.Context, db *sql.DB, c Cust) error {
	r, err := fetchUpstream(ctx, c.ID)
	if err != nil {
		return err
	}
	var shouldUpdate bool
	if r.Deleted {
		if c.State != "disabled" {
			c.State = "disabled"
			shouldUpdate = true
		}
	}
	if r.Phone != c.Phone {
		c.Phone = r.Phone
		shouldUpdate = true
	}
	if r.Name != "" && r.Name != c.Name {
		c.Name = r.Name
		shouldUpdate = true
	}
	if !slices.Equal(c.Tags, r.Tags) {
		c.Tags = r.Tags
		shouldUpdate = true
	}
	if r.Address != nil {
		if r.Address.City != c.Address.City || r.Address.Line1 != c.Address.Line1 {
			c.Address = Addr{City: r.Address.City, Line1: r.Address.Line1}
			shouldUpdate = true
		}
	}
	if shouldUpdate {
		if err := saveCust(ctx, db, c); err != nil {
			return err
		}
	}
	return nil
}

func SyncCustomers(ctx context.Context, db *sql.DB, custs []Cust) {
	for _, c := range custs {
		_ = syncCust(ctx, db, c) // silent: writes only the customers that changed
	}
}

// SyncInPlace tests and writes in the loop itself.
func SyncInPlace(ctx context.Context, db *sql.DB, custs []Cust) {
	for _, c := range custs {
		r, err := fetchUpstream(ctx, c.ID)
		if err != nil {
			continue
		}
		if !reflect.DeepEqual(c.Tags, r.Tags) {
			c.Tags = r.Tags
			_ = saveCust(ctx, db, c) // silent: only a customer whose tags changed
		}
		changed := false
		if c.Name != r.Name {
			c.Name = r.Name
			changed = true
		}
		if changed {
			_ = saveCust(ctx, db, c) // silent: only a renamed customer
		}
	}
}

type CustPatch struct {
	Name  *string
	Phone *string
}

// PatchAll applies what a request gives to every customer: a field
// given is no field changed.
func PatchAll(ctx context.Context, db *sql.DB, custs []Cust, p CustPatch) {
	for _, c := range custs {
		dirty := false
		if p.Name != nil {
			c.Name = *p.Name
			dirty = true
		}
		if dirty {
			_ = saveCust(ctx, db, c) // want `^direct.saveCust runs UPDATE customers .* once per item of custs`
		}
	}
}

// SyncSticky declares its flag outside the loop: once one customer set
// it, every later one writes.
func SyncSticky(ctx context.Context, db *sql.DB, custs []Cust, names map[int64]string) {
	changed := false
	for _, c := range custs {
		if names[c.ID] != c.Name {
			c.Name = names[c.ID]
			changed = true
		}
		if changed {
			_ = saveCust(ctx, db, c) // want `^direct.saveCust runs UPDATE customers .* once per item of custs`
		}
	}
}

// SyncNoCopy tells the names apart but copies nothing: what it writes
// is not the source's value, and nothing says the next pass agrees.
func SyncNoCopy(ctx context.Context, db *sql.DB, custs []Cust, want string) {
	for _, c := range custs {
		flagged := false
		if c.State != want {
			flagged = true
		}
		if flagged {
			_ = saveCust(ctx, db, c) // want `^direct.saveCust runs UPDATE customers .* once per item of custs`
		}
	}
}

// SyncForced writes every customer when asked to: the flag is set on
// something else than a difference.
func SyncForced(ctx context.Context, db *sql.DB, custs []Cust, force bool) {
	for _, c := range custs {
		update := false
		if force || c.State != "active" {
			c.State = "active"
			update = true
		}
		if update {
			_ = saveCust(ctx, db, c) // want `^direct.saveCust runs UPDATE customers .* once per item of custs`
		}
	}
}

// SyncThenWrite writes every customer after the changed-only branch: the
// second write is per item.
func SyncThenWrite(ctx context.Context, db *sql.DB, custs []Cust) {
	for _, c := range custs {
		if c.State != "seen" {
			c.State = "seen"
			_ = saveCust(ctx, db, c) // silent: only a customer not seen before
		}
		_ = saveCust(ctx, db, c) // want `^direct.saveCust runs UPDATE customers .* once per item of custs`
	}
}

// SyncDistinct writes once per distinct name: a local of its own tells
// consecutive customers apart, and each new name is one more write.
func SyncDistinct(ctx context.Context, db *sql.DB, custs []Cust) {
	last := ""
	for _, c := range custs {
		if last != c.Name {
			last = c.Name
			_ = saveCust(ctx, db, c) // want `^direct.saveCust runs UPDATE customers .* once per item of custs`
		}
	}
}

// Skips of what is done: the rest of the body runs once per record.

type Inv struct {
	ID   int64
	Meta map[string]any
	Done bool
}

func saveInv(ctx context.Context, db *sql.DB, inv Inv) error {
	_, err := db.ExecContext(ctx, "UPDATE invoices SET meta = $1, done = $2 WHERE id = $3", inv.Meta, inv.Done, inv.ID)
	return err
}

func ReconcileAll(ctx context.Context, db *sql.DB, invs []Inv) {
	for _, inv := range invs {
		if inv.Meta != nil && inv.Meta["reconciled"] == true {
			continue
		}
		_ = saveInv(ctx, db, inv) // silent: an invoice not reconciled yet
		if inv.Meta == nil {
			inv.Meta = map[string]any{}
		}
		inv.Meta["reconciled"] = true
		_ = saveInv(ctx, db, inv) // silent: marks it, once
	}
}

func FinishAll(ctx context.Context, db *sql.DB, invs []Inv) {
	for _, inv := range invs {
		if inv.Done {
			continue
		}
		inv.Done = true
		_ = saveInv(ctx, db, inv) // silent: once per invoice, ever
	}
}

type Dev struct {
	Locked bool
	Queue  []Inv
}

// setLocked re-enqueues a device's queue when its lock changes.
func setLocked(ctx context.Context, db *sql.DB, d *Dev, locked bool) error {
	if d.Locked == locked {
		return nil
	}
	d.Locked = locked
	for _, q := range d.Queue {
		_ = saveInv(ctx, db, q) // silent: only when the lock changes
	}
	return nil
}

func Uplinks(ctx context.Context, db *sql.DB, devs []*Dev) {
	for _, d := range devs {
		_ = setLocked(ctx, db, d, true) // silent: writes only for a device whose lock changed
	}
}

// FinishForced goes over every invoice when forced.
func FinishForced(ctx context.Context, db *sql.DB, invs []Inv, force bool) {
	for _, inv := range invs {
		if !force && inv.Done {
			continue
		}
		inv.Done = true
		_ = saveInv(ctx, db, inv) // want `^direct.saveInv runs UPDATE invoices .* once per item of invs`
	}
}

// FinishDistinct skips a name it just wrote: each distinct one writes.
func FinishDistinct(ctx context.Context, db *sql.DB, custs []Cust) {
	var prev string
	for _, c := range custs {
		if prev == c.Name {
			continue
		}
		prev = c.Name
		_ = saveCust(ctx, db, c) // want `^direct.saveCust runs UPDATE customers .* once per item of custs`
	}
}

// FinishIfOK marks only what worked, in a branch: the write after it is
// per invoice.
func FinishIfOK(ctx context.Context, db *sql.DB, invs []Inv, ok func(Inv) bool) {
	for _, inv := range invs {
		if inv.Done {
			continue
		}
		if ok(inv) {
			inv.Done = true
		}
		_ = saveInv(ctx, db, inv) // want `^direct.saveInv runs UPDATE invoices .* once per item of invs`
	}
}
