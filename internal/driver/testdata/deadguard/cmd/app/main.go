package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/deadguard/provider"
	"example.com/deadguard/store"
	"example.com/deadguard/svc"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := &svc.Service{DB: db, Store: &store.Store{DB: db}, P: provider.Docker{}, M: provider.NewMembers(), L: pick()}
	a := &api{s}
	http.HandleFunc("/create", a.create)
	http.HandleFunc("/reviewers", a.reviewers)
	http.HandleFunc("/direct", a.direct)
	http.HandleFunc("/deep", a.deep)
	http.HandleFunc("/found", a.found)
	http.HandleFunc("/mixed", a.mixed)
	http.HandleFunc("/paths", a.paths)
	http.HandleFunc("/unknown", a.unknown)
	http.HandleFunc("/field", a.field)
	http.HandleFunc("/deferred", a.deferred)
	http.HandleFunc("/viaiface", a.viaIface)
	_ = http.ListenAndServe(":8080", nil)
}

// pick answers either implementation of Lister.
func pick() provider.Lister {
	if os.Getenv("LIST") == "" {
		return provider.Empty{}
	}
	return provider.Fixed{List: []string{"a"}}
}

type api struct{ s *svc.Service }

func (a *api) create(w http.ResponseWriter, r *http.Request) { a.s.Create(r.Context(), ids(r)) }
func (a *api) reviewers(w http.ResponseWriter, r *http.Request) {
	_ = a.s.Reviewers(r.Context(), ids(r))
}
func (a *api) direct(w http.ResponseWriter, r *http.Request) { a.s.Direct(r.Context(), ids(r)) }
func (a *api) deep(w http.ResponseWriter, r *http.Request)   { a.s.Deep(r.Context(), ids(r)) }
func (a *api) found(w http.ResponseWriter, r *http.Request) {
	a.s.Found(r.Context(), r.URL.Query()["k"])
}
func (a *api) mixed(w http.ResponseWriter, r *http.Request)    { a.s.Mixed(r.Context(), ids(r)) }
func (a *api) paths(w http.ResponseWriter, r *http.Request)    { a.s.Paths(r.Context(), ids(r)) }
func (a *api) unknown(w http.ResponseWriter, r *http.Request)  { a.s.Unknown(r.Context(), ids(r)) }
func (a *api) field(w http.ResponseWriter, r *http.Request)    { a.s.Field(r.Context(), ids(r)) }
func (a *api) deferred(w http.ResponseWriter, r *http.Request) { a.s.Deferred(r.Context(), ids(r)) }
func (a *api) viaIface(w http.ResponseWriter, r *http.Request) { a.s.ViaIface(r.Context(), ids(r)) }

// ids are the request's ids.
func ids(r *http.Request) []int64 {
	var out []int64
	for range r.URL.Query()["id"] {
		out = append(out, int64(len(out)))
	}
	return out
}
