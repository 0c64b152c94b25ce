// Command constflag serves routes whose helpers take flags: some every
// caller passes the same constant, which decides their loops.
package main

import (
	"database/sql"
	"net/http"
	"strconv"

	"example.com/constflag/lib"
)

var db *sql.DB

func main() {
	db, _ = sql.Open("postgres", "")
	http.HandleFunc("/owner/delete", ownerDeleteHandler)
	http.HandleFunc("/owner/purge", ownerPurgeHandler)
	http.HandleFunc("/site/delete", siteDeleteHandler)
	http.HandleFunc("/tags", tagsHandler)
	http.HandleFunc("/lib", libHandler)
	_ = http.ListenAndServe(":8080", nil)
}

func domains(owner string) []string {
	rows, _ := db.Query("SELECT domain FROM domains WHERE owner = $1", owner)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		_ = rows.Scan(&d)
		out = append(out, d)
	}
	return out
}

func domainDelete(d string) {
	_, _ = db.Exec("DELETE FROM domains WHERE domain = $1", d)
}

// ownerDelete refuses an owner with domains unless told to delete them;
// its one caller never does: the loop never runs.
func ownerDelete(owner string, deleteDomains bool) {
	if ds := domains(owner); len(ds) > 0 {
		if !deleteDomains {
			return
		}
		for _, d := range ds {
			domainDelete(d) // silent: every call passes false
		}
	}
	_, _ = db.Exec("DELETE FROM owners WHERE owner = $1", owner)
}

func ownerDeleteHandler(w http.ResponseWriter, r *http.Request) {
	ownerDelete(r.FormValue("owner"), false)
}

// siteDelete is called with both values: its loop runs for one caller.
func siteDelete(owner string, cascade bool) {
	if cascade {
		for _, d := range domains(owner) {
			domainDelete(d) // reported: the purge passes true
		}
	}
}

func siteDeleteHandler(w http.ResponseWriter, r *http.Request) {
	siteDelete(r.FormValue("owner"), false)
}

func ownerPurgeHandler(w http.ResponseWriter, r *http.Request) {
	siteDelete(r.FormValue("owner"), true)
}

// tagAll is also taken as a value: a call the graph may not see can pass
// anything.
func tagAll(owner string, tag bool) {
	if tag {
		for _, d := range domains(owner) {
			_, _ = db.Exec("UPDATE domains SET tagged = true WHERE domain = $1", d) // reported: tagAll is a value too
		}
	}
}

var tagger = tagAll

func tagsHandler(w http.ResponseWriter, r *http.Request) {
	tagAll(r.FormValue("owner"), false)
	n, _ := strconv.Atoi(r.FormValue("n"))
	_ = n
	tagger(r.FormValue("owner"), r.FormValue("tag") != "")
}

func libHandler(w http.ResponseWriter, r *http.Request) {
	lib.Sync(db, domains(r.FormValue("owner")), false)
}

type store struct{ db *sql.DB }

// purge deletes the owner's domains only when asked; every call passes
// false.
func (s *store) purge(owner string, domainsToo bool) {
	if domainsToo {
		for _, d := range domains(owner) {
			domainDelete(d) // silent: every call passes false
		}
	}
}

// sweep is called with false, and also taken as a method value.
func (s *store) sweep(owner string, domainsToo bool) {
	if domainsToo {
		for _, d := range domains(owner) {
			domainDelete(d) // reported: a method value may be called with true
		}
	}
}

// clean is called with false, and also through an interface.
func (s *store) clean(owner string, domainsToo bool) {
	if domainsToo {
		for _, d := range domains(owner) {
			domainDelete(d) // reported: an interface call may pass true
		}
	}
}

type cleaner interface{ clean(string, bool) }

func storeHandler(w http.ResponseWriter, r *http.Request) {
	s := &store{db}
	s.purge(r.FormValue("owner"), false)
	s.sweep(r.FormValue("owner"), false)
	f := s.sweep
	f(r.FormValue("owner"), r.FormValue("all") != "")
	s.clean(r.FormValue("owner"), false)
	var c cleaner = s
	c.clean(r.FormValue("owner"), r.FormValue("all") != "")
}

func init() { http.HandleFunc("/store", storeHandler) }
