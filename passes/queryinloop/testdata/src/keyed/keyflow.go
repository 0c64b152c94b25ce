package keyed

import (
	"context"
	"sync"
)

// A cache the process keeps (a package-level variable, a field of a
// long-lived receiver) hits, once warm, whatever the key: a loop over
// items with keys of their own costs round trips on a cold start only.
// A memo the caller makes for one call is another matter: it saves round
// trips in a loop only when its key repeats across the loop's items, and
// a key the loop makes anew per item misses on every item.

// settingStr reads a setting through GetSetting's cache, by its own
// parameter.
func settingStr(key string) string {
	p, _ := GetSetting(key)
	return p.Value
}

// linkExpiry reads one setting, by a constant key.
func linkExpiry() string { return settingStr("link_expiration") }

// sign reads the setting two calls down, whatever the path it signs.
func sign(path string) string { return path + linkExpiry() }

// groupOf reads through the group's cache by a key built from its
// parameter.
func groupOf(prefix string) []Pref {
	items, _ := GetGroup("group:" + prefix)
	return items
}

func Keys(paths, keys []string, prefix string) {
	for _, p := range paths {
		sign(p)          // silent: a constant key two calls down
		settingStr(p)    // silent: the process's cache, by each item's key
		groupOf(p + "/") // silent: likewise, by a key built from the item
		groupOf(prefix)  // silent: the caller's key, the same for every item
	}
	k := prefix + ".size"
	for range paths {
		settingStr(k) // silent: a key set before the loop
	}
}

// A memo of the caller's, for one pass over its items.
type prefMemo struct{ m map[string]*Pref }

// settingIn reads through a memo its caller hands it, by a field of its
// parameter: the memo lives as long as the caller keeps it.
func settingIn(p Pref, memo *prefMemo) *Pref {
	v, ok := memo.m[p.Key]
	if !ok {
		v, _ = loadSetting(p.Key)
		memo.m[p.Key] = v
	}
	return v
}

func Memos(prefs []Pref, keys []string) {
	memo := &prefMemo{m: map[string]*Pref{}}
	for _, p := range prefs {
		settingIn(p, memo) // want `keyed.settingIn runs .* once per item of prefs`
	}
	for i := 0; i < len(keys); i++ {
		settingIn(Pref{Key: keys[i]}, memo) // want `keyed.settingIn runs .* once per item of keys`
	}
	first := prefs[0]
	for range prefs {
		settingIn(first, memo) // silent: one key for every item
	}
}

var inline sync.Map

// Inline looks each key up itself, in the loop, in a cache the process
// keeps: by each item's key or by a constant, the process's later passes
// hit.
func Inline(keys []string) {
	for _, k := range keys {
		if _, ok := inline.Load(k); !ok {
			v, _ := loadSetting(k) // silent: the process's cache
			inline.Store(k, v)
		}
	}
	for range keys {
		if _, ok := inline.Load("theme"); !ok {
			v, _ := loadSetting("theme") // silent: one key for every item
			inline.Store("theme", v)
		}
	}
}

// The same statement with the same arguments on every item: the fix is
// to run it once, above the loop, not to batch the items.

var current string

func loadCurrent() (*Pref, error) { return loadSetting(current) }

func Hoisted(ctx context.Context, paths []string, prefix string) {
	for range paths {
		var n int
		settingsDB.QueryRowContext(ctx, `SELECT count(*) FROM settings`).Scan(&n) // fix `^hoist the query out of the loop: it passes nothing that changes per item, so each item of paths runs the same statement with the same arguments; run it once above the loop and reuse its result$` // want `once per item of paths`
	}
	k := prefix + ".size"
	for _, p := range paths {
		loadSetting(k) // fix `^hoist the call of keyed.loadSetting out of the loop` // want `keyed.loadSetting runs .* once per item of paths`
		_ = p
	}
	for _, p := range paths {
		loadSetting(p) // fix `^add a variant of keyed.loadSetting that fetches the rows of all items` // want `keyed.loadSetting runs .* once per item of paths`
	}
	for _, p := range paths {
		current = p   // what the call reads, changed per item
		loadCurrent() // fix `^add a variant of keyed.loadCurrent` // want `keyed.loadCurrent runs .* once per item of paths`
	}
	for _, p := range paths {
		if p == "" {
			continue // the item chooses whether the call runs
		}
		loadSetting(k) // fix `^add a variant of keyed.loadSetting` // want `keyed.loadSetting runs .* once per item of paths`
	}
	prefs := make([]Pref, len(paths))
	for i := range prefs {
		reload(&prefs[i]) // fix `^add a variant of keyed.reload` // want `keyed.reload runs .* once per item of prefs`
	}
	for range paths {
		settingsDB.ExecContext(ctx, `UPDATE settings SET value = '' WHERE key = 'x'`) // fix `^hoist the query out of the loop: .* run it once, before or after the loop$` // want `once per item of paths`
	}
}

// reload reads a setting again, by the key of the one it is handed.
func reload(p *Pref) {
	settingsDB.QueryRow(`SELECT value FROM settings WHERE key = $1`, p.Key).Scan(&p.Value)
}
