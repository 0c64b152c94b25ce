// Package stats serves summaries, resolving a filter's aliases only when
// there is a filter.
package stats

import (
	"net/http"

	"example.com/callctx/store"
)

type Filters struct{ Projects []string }

// WithAliases adds each project's aliases, as resolve gives them.
func (f *Filters) WithAliases(resolve func(key string) []string) *Filters {
	var out []string
	for _, p := range f.Projects {
		out = append(out, resolve(p)...)
	}
	return &Filters{Projects: append(f.Projects, out...)}
}

type Service struct{ S *store.Store }

func (s *Service) aliasResolver(user int64) func(key string) []string {
	return func(key string) []string { return s.S.Aliases(user, key) }
}

// Summary resolves the filter's aliases when it is given one.
func (s *Service) Summary(user int64, filters *Filters) int64 {
	resolve := s.aliasResolver(user)
	var projects []string
	if filters != nil {
		filters = filters.WithAliases(resolve)
		projects = filters.Projects
	}
	return s.S.Summary(user, projects)
}

// Projects fills in the user's default filter when given none: the
// filter its guard reads is not the one the call passed.
func (s *Service) Projects(user int64, filters *Filters) int64 {
	if filters == nil {
		filters = s.defaults(user)
	}
	if filters != nil {
		filters = filters.WithAliases(s.aliasResolver(user))
	}
	return int64(len(filters.Projects))
}

// defaults is the user's default filter, nil when there is none.
func (s *Service) defaults(user int64) *Filters {
	if user == 0 {
		return nil
	}
	return &Filters{Projects: []string{"default"}}
}

// Count pages only when it is given a limit.
func (s *Service) Count(user int64, limit int) int64 {
	if limit <= 0 {
		return 0
	}
	return s.S.Page(user, limit)
}

type API struct{ Svc *Service }

// Badge passes no filter: the aliases are never resolved.
func (a *API) Badge(w http.ResponseWriter, r *http.Request) {
	a.Svc.Summary(1, nil)
}

// Stats passes the filter it parsed.
func (a *API) Stats(w http.ResponseWriter, r *http.Request) {
	a.Svc.Summary(1, &Filters{Projects: r.URL.Query()["project"]})
}

// Defaults passes no filter, and gets the defaults' aliases.
func (a *API) Defaults(w http.ResponseWriter, r *http.Request) {
	a.Svc.Projects(1, nil)
}

// Total passes no limit: nothing to page.
func (a *API) Total(w http.ResponseWriter, r *http.Request) {
	a.Svc.Count(1, 0)
}

// Recent passes one.
func (a *API) Recent(w http.ResponseWriter, r *http.Request) {
	a.Svc.Count(1, 20)
}
