package keyed

import (
	"database/sql"
	"time"

	"keyed/flightcache"
)

// A read-through cache whose miss is loaded once for all the concurrent
// callers of a key (a singleflight group), the loader keeping what it
// read in the cache the lookup before it reads.

type Pref struct{ Key, Value string }

var settingsDB *sql.DB

func loadSetting(key string) (*Pref, error) {
	s := &Pref{}
	err := settingsDB.QueryRow(`SELECT key, value FROM settings WHERE key = $1`, key).Scan(&s.Key, &s.Value)
	return s, err
}

func loadSettingGroup(group string) ([]Pref, error) {
	var out []Pref
	rows, err := settingsDB.Query(`SELECT key, value FROM settings WHERE grp = $1`, group)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s Pref
		rows.Scan(&s.Key, &s.Value)
		out = append(out, s)
	}
	return out, nil
}

var settingCache = flightcache.New[*Pref]()
var settingG flightcache.Group[*Pref]

// settingCacheF keeps an item under its own key; nothing assigns it
// again.
var settingCacheF = func(item *Pref) {
	settingCache.Set(item.Key, item, flightcache.WithEx[*Pref](time.Hour))
}

// Pref reads through the cache, the group's loader keeping the item
// it loaded under its key through settingCacheF.
func GetSetting(key string) (*Pref, error) {
	if item, ok := settingCache.Get(key); ok {
		return item, nil
	}
	item, err, _ := settingG.Do(key, func() (*Pref, error) {
		_item, err := loadSetting(key)
		if err != nil {
			return nil, err
		}
		settingCacheF(_item)
		return _item, nil
	})
	return item, err
}

var groupCache = flightcache.New[[]Pref]()
var groupG flightcache.Group[[]Pref]

func keepGroup(key string, items []Pref) {
	groupCache.Set(key, items)
}

// GetGroup's loader keeps what it read through a function of the
// package.
func GetGroup(group string) ([]Pref, error) {
	if items, ok := groupCache.Get(group); ok {
		return items, nil
	}
	items, err, _ := groupG.Do(group, func() ([]Pref, error) {
		items, err := loadSettingGroup(group)
		if err != nil {
			return nil, err
		}
		keepGroup(group, items)
		return items, nil
	})
	return items, err
}

// GroupDirect's loader keeps what it read itself.
func GroupDirect(group string) ([]Pref, error) {
	if items, ok := groupCache.Get(group); ok {
		return items, nil
	}
	items, err, _ := groupG.Do(group, func() ([]Pref, error) {
		items, err := loadSettingGroup(group)
		if err == nil {
			groupCache.Set(group, items)
		}
		return items, err
	})
	return items, err
}

// GroupShared has no cache before the group: the next call loads again.
func GroupShared(group string) ([]Pref, error) {
	items, err, _ := groupG.Do(group, func() ([]Pref, error) {
		items, err := loadSettingGroup(group)
		if err == nil {
			groupCache.Set(group, items)
		}
		return items, err
	})
	return items, err
}

// GroupPeek's hit goes on to load anyway.
func GroupPeek(group string) ([]Pref, error) {
	if items, ok := groupCache.Get(group); ok {
		println(len(items))
	}
	items, err, _ := groupG.Do(group, func() ([]Pref, error) {
		items, err := loadSettingGroup(group)
		if err == nil {
			groupCache.Set(group, items)
		}
		return items, err
	})
	return items, err
}

var otherCache = flightcache.New[[]Pref]()

// GroupElsewhere's loader keeps what it read in another cache than the
// one it looks in: the lookup never hits.
func GroupElsewhere(group string) ([]Pref, error) {
	if items, ok := groupCache.Get(group); ok {
		return items, nil
	}
	items, err, _ := groupG.Do(group, func() ([]Pref, error) {
		items, err := loadSettingGroup(group)
		if err == nil {
			otherCache.Set(group, items)
		}
		return items, err
	})
	return items, err
}

// keepSetting is assigned again (in DisableSettingCache): what a call
// runs is whichever value it holds then.
var keepSetting = func(item *Pref) {
	settingCache.Set(item.Key, item)
}

func DisableSettingCache() {
	keepSetting = func(*Pref) {}
}

// SettingSwitched keeps through a func variable that may keep nothing.
func SettingSwitched(key string) (*Pref, error) {
	if item, ok := settingCache.Get(key); ok {
		return item, nil
	}
	item, err, _ := settingG.Do(key, func() (*Pref, error) {
		_item, err := loadSetting(key)
		if err != nil {
			return nil, err
		}
		keepSetting(_item)
		return _item, nil
	})
	return item, err
}

// KeepSetting is exported: another package may assign it.
var KeepSetting = func(item *Pref) {
	settingCache.Set(item.Key, item)
}

// SettingExported keeps through an exported func variable.
func SettingExported(key string) (*Pref, error) {
	if item, ok := settingCache.Get(key); ok {
		return item, nil
	}
	item, err, _ := settingG.Do(key, func() (*Pref, error) {
		_item, err := loadSetting(key)
		if err != nil {
			return nil, err
		}
		KeepSetting(_item)
		return _item, nil
	})
	return item, err
}

func Prefs(keys []string, groups []string, pages []int) {
	for _, k := range keys {
		GetSetting(keys[0]) // silent: one key for every item; a read-through cache, the group's loader filling it
		SettingSwitched(k)  // want `keyed.SettingSwitched runs .* once per item of keys`
		SettingExported(k)  // want `keyed.SettingExported runs .* once per item of keys`
	}
	for range pages {
		GetSetting("page_size") // the same key for every item
	}
	for _, g := range groups {
		GetGroup(groups[0])    // silent: one key for every item; likewise, kept by a function of the package
		GroupDirect(groups[0]) // silent: one key for every item; likewise, kept by the loader itself
		GroupShared(g)         // want `keyed.GroupShared runs .* once per item of groups`
		GroupPeek(g)           // want `keyed.GroupPeek runs .* once per item of groups`
		GroupElsewhere(g)      // want `keyed.GroupElsewhere runs .* once per item of groups`
	}
}
