package keyed

import (
	"context"
	"database/sql"
	"fmt"
)

// Weighted is shaped like ristretto: Get answers (value, found), Set
// takes a cost.
type Weighted interface {
	Get(key interface{}) (interface{}, bool)
	Set(key, value interface{}, cost int64) bool
}

// Defs is a caching decorator over the definitions' table: its lookup
// needs a version, which the load resolves when it is not given, and the
// key is written out again for the store, with the version the load
// answered.
type Defs struct {
	db    *sql.DB
	cache Weighted
	on    bool
}

// load reads a definition at a version, or the newest: it answers the
// version it read.
func (d *Defs) load(ctx context.Context, tenant, name, version string) (string, string, error) {
	var def, v string
	err := d.db.QueryRowContext(ctx, `SELECT def, version FROM defs WHERE tenant = $1 AND name = $2 AND version = $3`, tenant, name, version).Scan(&def, &v)
	return def, v, err
}

// latest reads the newest version of a definition, whatever was asked.
func (d *Defs) latest(ctx context.Context, tenant, name string) (string, string, error) {
	var def, v string
	err := d.db.QueryRowContext(ctx, `SELECT def, version FROM defs WHERE tenant = $1 AND name = $2 ORDER BY version DESC LIMIT 1`, tenant, name).Scan(&def, &v)
	return def, v, err
}

// Def looks up only a key whose version is given; the load resolves the
// version it was handed, and the definition is kept under the version it
// answers, which for a version given is that one.
func (d *Defs) Def(ctx context.Context, tenant, name, version string) (def string, v string, err error) {
	var s interface{}
	found := false
	if version != "" {
		s, found = d.cache.Get(fmt.Sprintf("%s|%s|%s", tenant, name, version))
	}
	if !found {
		def, version, err = d.load(ctx, tenant, name, version)
		if err != nil {
			return "", "", err
		}
		d.cache.Set(fmt.Sprintf("%s|%s|%s", tenant, name, version), def, int64(len(def)))
		return def, version, nil
	}
	return s.(string), version, nil
}

// Renamed keeps the definition under another version than it looked up:
// the next call with the same version misses again.
func (d *Defs) Renamed(ctx context.Context, tenant, name, version string) (string, error) {
	var s interface{}
	found := false
	if version != "" {
		s, found = d.cache.Get(fmt.Sprintf("%s|%s|%s", tenant, name, version))
	}
	if !found {
		def, _, err := d.load(ctx, tenant, name, version)
		if err != nil {
			return "", err
		}
		version = "v-" + version
		d.cache.Set(fmt.Sprintf("%s|%s|%s", tenant, name, version), def, 1)
		return def, nil
	}
	return s.(string), nil
}

// Newest keeps what it read under the newest version, whichever it
// looked up: a lookup of an older version never hits.
func (d *Defs) Newest(ctx context.Context, tenant, name, version string) (string, error) {
	var s interface{}
	found := false
	if version != "" {
		s, found = d.cache.Get(fmt.Sprintf("%s|%s|%s", tenant, name, version))
	}
	if !found {
		var def string
		var err error
		def, version, err = d.latest(ctx, tenant, name)
		if err != nil {
			return "", err
		}
		d.cache.Set(fmt.Sprintf("%s|%s|%s", tenant, name, version), def, 1)
		return def, nil
	}
	return s.(string), nil
}

// Enabled looks the cache up only when a setting says so: else every
// call queries.
func (d *Defs) Enabled(ctx context.Context, tenant, name, version string) (string, error) {
	var s interface{}
	found := false
	if d.on {
		s, found = d.cache.Get(fmt.Sprintf("%s|%s|%s", tenant, name, version))
	}
	if !found {
		def, _, err := d.load(ctx, tenant, name, version)
		if err != nil {
			return "", err
		}
		d.cache.Set(fmt.Sprintf("%s|%s|%s", tenant, name, version), def, 1)
		return def, nil
	}
	return s.(string), nil
}

// Shadowed writes the key out with a version declared again in the
// miss: the same text, another variable, another key.
func (d *Defs) Shadowed(ctx context.Context, tenant, name, version string) (string, error) {
	var s interface{}
	found := false
	if version != "" {
		s, found = d.cache.Get(fmt.Sprintf("%s|%s|%s", tenant, name, version))
	}
	if !found {
		def, version, err := d.latest(ctx, tenant, name)
		if err != nil {
			return "", err
		}
		d.cache.Set(fmt.Sprintf("%s|%s|%s", tenant, name, version), def, 1)
		return def, nil
	}
	return s.(string), nil
}

func (d *Defs) All(ctx context.Context, tenant, version string, names []string) {
	for _, n := range names {
		d.Def(ctx, tenant, names[0], version) // silent: one key for every item; read once per name and version
		d.Renamed(ctx, tenant, n, version)    // want `keyed.\(\*Defs\).Renamed runs .* once per item of names`
		d.Newest(ctx, tenant, n, version)     // want `keyed.\(\*Defs\).Newest runs .* once per item of names`
		d.Enabled(ctx, tenant, n, version)    // want `keyed.\(\*Defs\).Enabled runs .* once per item of names`
		d.Shadowed(ctx, tenant, n, version)   // want `keyed.\(\*Defs\).Shadowed runs .* once per item of names`
	}
}
