// Package plugin keeps a registry of plugin values, listed and
// registered as the migrations are and run by a request: their methods
// change no schema.
package plugin

import "example.com/ifacemig/dal"

// Plugin syncs a source.
type Plugin interface {
	Name() string
	Sync(d dal.Dal) error
}

type registry struct{ plugins []Plugin }

// Plugins are the plugins registered.
var Plugins = &registry{}

// Add registers plugins.
func (r *registry) Add(ps ...Plugin) { r.plugins = append(r.plugins, ps...) }

// SyncAll syncs every plugin.
func (r *registry) SyncAll(d dal.Dal) {
	for _, p := range r.plugins {
		p.Sync(d)
	}
}

// All are the plugins.
func All() []Plugin { return []Plugin{new(github), &gitlab{}} }

// Repo is a repository.
type Repo struct {
	ID    int64
	Owner string
}

type github struct{}

func (*github) Name() string { return "github" }

// Sync reads each repository's owner, one statement per repository.
func (*github) Sync(d dal.Dal) error {
	var repos []Repo
	if err := d.All(&repos, "owner = ''"); err != nil {
		return err
	}
	for _, r := range repos {
		var u struct{ Name string }
		d.First(&u, "repo_id = ?", r.ID) // route
	}
	return nil
}

type gitlab struct{}

func (*gitlab) Name() string         { return "gitlab" }
func (*gitlab) Sync(d dal.Dal) error { return d.Save(&Repo{}) }
