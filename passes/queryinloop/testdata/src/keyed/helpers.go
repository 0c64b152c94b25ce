package keyed

import (
	"context"
	"database/sql"
	"sync"
)

// aliases holds each user's aliases for as long as the process runs.
var aliases sync.Map

// Aliases loads a user's aliases once, through helpers that say whether
// the user is loaded and load them.
type Aliases struct {
	db *sql.DB

	mu     sync.Mutex
	byUser map[string][]string
	known  map[string]bool
}

// IsInitialized says whether the user's aliases are loaded.
func (a *Aliases) IsInitialized(user string) bool {
	if _, ok := aliases.Load(user); ok {
		return true
	}
	return false
}

// Initialize loads the user's aliases and keeps them.
func (a *Aliases) Initialize(ctx context.Context, user string) error {
	var names []string
	rows, err := a.db.QueryContext(ctx, `SELECT name FROM aliases WHERE user_id = $1`, user)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	if err == nil {
		aliases.Store(user, names)
	}
	return err
}

// MayInitialize loads the user's aliases, logging a failure.
func (a *Aliases) MayInitialize(ctx context.Context, user string) {
	if err := a.Initialize(ctx, user); err != nil {
		println("cannot load aliases")
	}
}

// Mark keeps a constant under the user: nothing the query read.
func (a *Aliases) Mark(ctx context.Context, user string) {
	a.db.ExecContext(ctx, `SELECT name FROM aliases WHERE user_id = $1`, user)
	aliases.Store(user, true)
}

// Resolve loads the user's aliases the first time it meets the user.
func (a *Aliases) Resolve(ctx context.Context, user, name string) string {
	if !a.IsInitialized(user) {
		a.MayInitialize(ctx, user)
	}
	if v, ok := aliases.Load(user); ok {
		for _, n := range v.([]string) {
			if n == name {
				return n
			}
		}
	}
	return name
}

// Names returns early once the user is loaded.
func (a *Aliases) Names(ctx context.Context, user string) []string {
	if a.IsInitialized(user) {
		v, _ := aliases.Load(user)
		return v.([]string)
	}
	a.Initialize(ctx, user)
	v, _ := aliases.Load(user)
	return v.([]string)
}

// Other tests one user and loads another.
func (a *Aliases) Other(ctx context.Context, user, other string) {
	if !a.IsInitialized(user) {
		a.MayInitialize(ctx, other)
	}
}

// Marked loads nothing it keeps: the helper stores a constant.
func (a *Aliases) Marked(ctx context.Context, user string) {
	if !a.IsInitialized(user) {
		a.Mark(ctx, user)
	}
}

// has says whether the user's labels are loaded, under the lock.
func (a *Aliases) has(user string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	_, ok := a.byUser[user]
	return ok
}

// isKnown tests another cache than the one load fills.
func (a *Aliases) isKnown(user string) bool {
	_, ok := a.known[user]
	return ok
}

func (a *Aliases) load(ctx context.Context, user string) {
	var names []string
	a.db.QueryRowContext(ctx, `SELECT labels FROM users WHERE id = $1`, user).Scan(&names)
	a.mu.Lock()
	a.byUser[user] = names
	a.mu.Unlock()
}

// Labels loads through a field cache of the receiver.
func (a *Aliases) Labels(ctx context.Context, user string) {
	if !a.has(user) {
		a.load(ctx, user)
	}
}

// Copy tests the receiver's cache and fills another value's.
func (a *Aliases) Copy(ctx context.Context, b *Aliases, user string) {
	if !a.has(user) {
		b.load(ctx, user)
	}
}

// Known tests a cache that load does not fill.
func (a *Aliases) Known(ctx context.Context, user string) {
	if !a.isKnown(user) {
		a.load(ctx, user)
	}
}

func (a *Aliases) Users(ctx context.Context, users []string) {
	for _, u := range users {
		a.Resolve(ctx, users[0], "x") // silent: one key for every item; the user's aliases load once
		a.Names(ctx, users[0])        // silent: one key for every item; likewise
		a.Labels(ctx, users[0])       // silent: one key for every item; likewise, in a field of the receiver
		a.MayInitialize(ctx, u)       // want `keyed.\(\*Aliases\).MayInitialize runs .* once per item of users`
		a.Other(ctx, u, "y")          // want `keyed.\(\*Aliases\).Other runs .* once per item of users`
		a.Marked(ctx, u)              // want `keyed.\(\*Aliases\).Marked runs .* once per item of users`
		a.Copy(ctx, a, u)             // want `keyed.\(\*Aliases\).Copy runs .* once per item of users`
		a.Known(ctx, u)               // want `keyed.\(\*Aliases\).Known runs .* once per item of users`
	}
}
