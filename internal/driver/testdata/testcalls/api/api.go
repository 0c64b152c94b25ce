// Package api holds the handlers.
package api

import (
	"context"
	"net/http"

	"example.com/testcalls/store"
)

// Refreshers are run by something the graph does not follow.
var Refreshers []func(context.Context, []int64)

// Items serves one repository's items through the store's interface.
func Items(s store.Interface) http.HandlerFunc {
	Refreshers = append(Refreshers, s.Refresh)
	return func(w http.ResponseWriter, r *http.Request) {
		repo := r.URL.Query().Get("repo")
		_, _ = s.GetItemForRepo(r.Context(), repo)
		_, _ = s.ListItemsForRepo(r.Context(), repo)
	}
}
