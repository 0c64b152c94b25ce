// Package main serves its API from one subtree whose handler looks the
// endpoint up in a table of its own and calls the row's function, as
// Gokapi's /api/ does; and two subtrees whose tables are no dispatch.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"strings"
)

var db *sql.DB

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

// process is the dispatcher: its lookup, its authentication, then the
// row's function.
func process(w http.ResponseWriter, r *http.Request) {
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
	err := db.QueryRowContext(r.Context(), "SELECT owner FROM api_keys WHERE key = $1", r.Header.Get("Authorization")).Scan(&user)
	return user, err == nil
}

func apiList(w http.ResponseWriter, user string) {
	db.Query("SELECT id FROM files WHERE owner = $1", user)
}

func apiDeleteUser(w http.ResponseWriter, user string) {
	db.Exec("DELETE FROM users WHERE name = $1", user)
}

func apiDownload(w http.ResponseWriter, user string) {
	db.Exec("UPDATE files SET downloads = downloads + 1 WHERE owner = $1", user)
}

// A table keyed by the path below the prefix, its row's function called
// in the handler itself.
type v2Route struct {
	run func(w http.ResponseWriter)
}

var v2 = map[string]v2Route{
	"/stats":  {run: v2Stats},
	"/health": {run: func(w http.ResponseWriter) { db.Exec("SELECT 1") }},
}

func processV2(w http.ResponseWriter, r *http.Request) {
	db.Exec("INSERT INTO hits (path) VALUES ($1)", r.URL.Path)
	route, ok := v2[strings.TrimPrefix(r.URL.Path, "/v2")]
	if !ok {
		return
	}
	route.run(w)
}

func v2Stats(w http.ResponseWriter) {
	db.Query("SELECT count(*) FROM stats")
}

// A table looked up by a setting, not by the request: no dispatch.
type backend struct {
	Name  string
	serve func(w http.ResponseWriter)
}

var backends = []backend{
	{Name: "local", serve: serveLocal},
	{Name: "remote", serve: serveRemote},
}

var mode = os.Getenv("MODE")

func byMode(w http.ResponseWriter, r *http.Request) {
	for _, b := range backends {
		if b.Name == mode {
			b.serve(w)
			return
		}
	}
}

func serveLocal(w http.ResponseWriter) {
	db.Query("SELECT id FROM local_blobs")
}

func serveRemote(w http.ResponseWriter) {
	db.Query("SELECT id FROM remote_blobs")
}

// A table looked up by the request's path whose func field the handler
// never calls (start-up warms every page): no dispatch.
type page struct {
	Path  string
	Title string
	warm  func()
}

var pages = []page{
	{Path: "/about", Title: "About", warm: warmAbout},
	{Path: "/terms", Title: "Terms", warm: warmTerms},
}

func showPage(w http.ResponseWriter, r *http.Request) {
	for _, p := range pages {
		if p.Path == strings.TrimPrefix(r.URL.Path, "/pages") {
			db.Exec("INSERT INTO views (title) VALUES ($1)", p.Title)
			w.Write([]byte(p.Title))
		}
	}
}

func warmAbout() { db.Exec("UPDATE pages SET warm = true WHERE name = 'about'") }

func warmTerms() { db.Exec("UPDATE pages SET warm = true WHERE name = 'terms'") }

func main() {
	for _, p := range pages {
		p.warm()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", process)
	mux.HandleFunc("/v2/", processV2)
	mux.HandleFunc("/blobs/", byMode)
	mux.HandleFunc("/pages/", showPage)
	http.ListenAndServe(":8080", mux)
}
