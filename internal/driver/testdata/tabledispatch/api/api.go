// Package api serves the API from one handler that looks the endpoint
// up in a table of its own and calls the row's function, as Gokapi's
// api.Process does.
package api

import (
	"database/sql"
	"net/http"
	"strings"
)

// DB is the service's database.
var DB *sql.DB

type apiFunc func(w http.ResponseWriter, user string)

type apiRoute struct {
	Url         string
	HasWildcard bool
	AdminOnly   bool
	execution   apiFunc
}

// Continue runs the row's function: the dispatcher calls it through
// this method of the row type.
func (r apiRoute) Continue(w http.ResponseWriter, user string) {
	r.execution(w, user)
}

var routes = []apiRoute{
	{Url: "/files/list", execution: apiList},
	{Url: "/user/delete", AdminOnly: true, execution: apiDeleteUser},
	{Url: "/files/download/", HasWildcard: true, execution: apiDownload},
}

func getRouting(requestURL string) (apiRoute, bool) {
	for _, route := range routes {
		if (!route.HasWildcard && requestURL == route.Url) ||
			(route.HasWildcard && strings.HasPrefix(requestURL, route.Url)) {
			return route, true
		}
	}
	return apiRoute{}, false
}

func parseRequestURL(r *http.Request) string {
	return strings.Replace(r.URL.String(), "/api", "", 1)
}

// Process is the dispatcher: its lookup, its authentication, then the
// row's function.
func Process(w http.ResponseWriter, r *http.Request) {
	requestURL := parseRequestURL(r)
	routing, ok := getRouting(requestURL)
	if !ok {
		http.Error(w, "invalid request", http.StatusBadRequest)
		return
	}
	user, ok := authorise(r)
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	routing.Continue(w, user)
}

func authorise(r *http.Request) (string, bool) {
	var user string
	err := DB.QueryRowContext(r.Context(), "SELECT owner FROM api_keys WHERE key = $1", r.Header.Get("Authorization")).Scan(&user)
	return user, err == nil
}

func apiList(w http.ResponseWriter, user string) {
	DB.Query("SELECT id FROM files WHERE owner = $1", user)
}

func apiDeleteUser(w http.ResponseWriter, user string) {
	DB.Exec("DELETE FROM users WHERE name = $1", user)
}

func apiDownload(w http.ResponseWriter, user string) {
	DB.Exec("UPDATE files SET downloads = downloads + 1 WHERE owner = $1", user)
}
