package keyed

import "sync"

// A read-through cache saves round trips in a loop only when its key
// repeats across the loop's items: a key the loop makes anew per item
// misses on every item of a first pass.

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
		settingStr(p)    // want `keyed.settingStr runs .* once per item of paths`
		groupOf(p + "/") // want `keyed.groupOf runs .* once per item of paths`
		groupOf(prefix)  // silent: the caller's key, the same for every item
	}
	k := prefix + ".size"
	for range paths {
		settingStr(k) // silent: a key set before the loop
	}
	for i := 0; i < len(keys); i++ {
		settingStr(keys[i]) // want `keyed.settingStr runs .* once per item of keys`
	}
}

var inline sync.Map

// Inline looks each key up itself, in the loop: the lookup misses on
// each new key; by a constant key it hits after the first item.
func Inline(keys []string) {
	for _, k := range keys {
		if _, ok := inline.Load(k); !ok {
			v, _ := loadSetting(k) // want `.* once per item of keys`
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
