// Package pbdb finds and saves records through pocketbase's App, whose
// statements pocketbase builds from the collection's schema at run time.
package pbdb // want `stats: 6 sites, 6 unresolved, 0 unparsed, 0 orm`

import (
	"github.com/pocketbase/pocketbase/core"
)

type Hub struct {
	core.App
}

func (h *Hub) Systems(ids []string) { // want `issuesQueries\(.*\)`
	for _, id := range ids {
		h.FindRecordById("systems", id) // want `site orm read unresolved: pocketbase FindRecordById: pocketbase builds the statement from the collection's schema at run time`
	}
	h.FindRecordsByIds("systems", ids)                          // want `site orm read unresolved: pocketbase FindRecordsByIds: .*`
	h.FindRecordsByFilter("systems", "status = 'up'", "", 0, 0) // want `site orm read unresolved: pocketbase FindRecordsByFilter: .*`
	h.CountRecords("systems")                                   // want `site orm read unresolved: pocketbase CountRecords: .*`
}

func Touch(app *core.BaseApp, r *core.Record) { // want `issuesQueries\(.*\)`
	r.Set("seen", true)
	app.Save(r)   // want `site orm write unresolved: pocketbase Save: .*`
	app.Delete(r) // want `site orm write unresolved: pocketbase Delete: .*`
	_ = r.GetString("name")
}
