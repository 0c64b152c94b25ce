// Package main serves its API from one subtree whose handler (package
// api's) looks the endpoint up in a table of its own and calls the row's
// function, as Gokapi's /api/ does; another whose handler indexes a map
// of rows; and two subtrees whose tables are no dispatch.
package main

import (
	"net/http"
	"os"
	"strings"

	"example.com/tabledispatch/api"
)

var db = api.DB

// serveAPI is what is registered: api.Process, a handler no registration
// names, is its code, no route of its own.
func serveAPI(w http.ResponseWriter, r *http.Request) {
	api.Process(w, r)
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
	mux.HandleFunc("/api/", serveAPI)
	mux.HandleFunc("/v2/", processV2)
	mux.HandleFunc("/blobs/", byMode)
	mux.HandleFunc("/pages/", showPage)
	http.ListenAndServe(":8080", mux)
}
