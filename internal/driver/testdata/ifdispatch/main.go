// Package main serves most of its endpoints from one catch-all handler
// that dispatches on the request's method and path, and a few handlers
// whose tests of the request are no dispatch.
package main

import (
	"database/sql"
	"net/http"
	"regexp"
	"strings"
)

var topicRegex = regexp.MustCompile(`^/[a-z]+$`)

const healthPath = "/v1/health"

// usersPath is set once: as good as a constant.
var usersPath = "/v1/users"

type Server struct{ db *sql.DB }

type handleFunc func(http.ResponseWriter, *http.Request) error

// handle is the catch-all: what it runs before handleInternal is every
// endpoint's.
func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	s.db.QueryRow("SELECT id FROM visitors WHERE ip = $1", r.RemoteAddr)
	if err := s.handleInternal(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (s *Server) ensureUser(next handleFunc) handleFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		s.db.QueryRow("SELECT id FROM users WHERE token = $1", r.Header.Get("Authorization"))
		return next(w, r)
	}
}

func (s *Server) handleInternal(w http.ResponseWriter, r *http.Request) error {
	if r.Method == http.MethodGet && r.URL.Path == healthPath {
		return s.handleHealth(w, r)
	} else if (r.Method == http.MethodPut || r.Method == http.MethodPost) && r.URL.Path == usersPath {
		return s.ensureUser(s.handleUsersAdd)(w, r)
	} else if r.Method == http.MethodGet && topicRegex.MatchString(r.URL.Path) {
		return s.ensureAdmin(s.handleTopic)(w, r)
	} else if r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/static/") {
		return s.handleStatic(w, r)
	} else if r.Method == http.MethodOptions {
		return s.ensureUser(s.handleOptions)(w, r) // the catch-all's: any path
	}
	return nil
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error { return nil }

func (s *Server) handleUsersAdd(w http.ResponseWriter, r *http.Request) error {
	_, err := s.db.Exec("INSERT INTO users (name) VALUES ($1)", r.FormValue("name"))
	return err
}

func (s *Server) handleTopic(w http.ResponseWriter, r *http.Request) error {
	_, err := s.db.Query("SELECT body FROM messages WHERE topic = $1", r.URL.Path)
	return err
}

func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) error { return nil }

func (s *Server) handleOptions(w http.ResponseWriter, r *http.Request) error {
	s.db.QueryRow("SELECT origin FROM cors WHERE origin = $1", r.Header.Get("Origin"))
	return nil
}

var db *sql.DB

// api dispatches with a switch on the path.
func api(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/api/orders":
		db.Query("SELECT id FROM orders")
	case "/api/items", "/api/items/":
		listItems(w, r)
	default:
		http.NotFound(w, r)
	}
}

func listItems(w http.ResponseWriter, r *http.Request) {
	db.Query("SELECT id FROM items")
}

// submit only checks the method, to reject others: no dispatch.
func submit(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	db.Exec("INSERT INTO submissions DEFAULT VALUES")
}

// assets serves files under /assets/ itself: a path guard of a
// middleware, which the route's pattern decides, no dispatch.
func assets(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			db.QueryRow("SELECT path FROM assets WHERE path = $1", r.URL.Path)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func app(w http.ResponseWriter, r *http.Request) {
	db.Query("SELECT id FROM pages")
}

// byHeader branches on a header: no dispatch.
func byHeader(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Kind") == "a" {
		db.Query("SELECT id FROM a")
	} else if r.Header.Get("X-Kind") == "b" {
		db.Query("SELECT id FROM b")
	}
}

// one tests one path only: no dispatch.
func one(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/one/x" {
		db.Query("SELECT id FROM x")
		return
	}
	db.Query("SELECT id FROM y")
}

func main() {
	s := &Server{db: db}
	mux := http.NewServeMux()
	mux.HandleFunc("/", s.handle)
	mux.HandleFunc("/api/", api)
	mux.HandleFunc("/submit", submit)
	mux.Handle("/app/", assets(http.HandlerFunc(app)))
	mux.HandleFunc("/hdr/", byHeader)
	mux.HandleFunc("/one/", one)
	http.ListenAndServe(":8080", mux)
}

// ensureAdmin is a wrapper another wrapper makes: the graph has no
// adapter binding its next, yet its arm runs handleTopic alone.
func (s *Server) ensureAdmin(next handleFunc) handleFunc {
	return s.ensureUser(func(w http.ResponseWriter, r *http.Request) error {
		s.db.QueryRow("SELECT admin FROM users WHERE token = $1", r.Header.Get("Authorization"))
		return next(w, r)
	})
}
