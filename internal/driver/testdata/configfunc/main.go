package main

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

var db *sql.DB

type handlerConfig struct {
	Action func() (any, error)
}

func handleGet(w http.ResponseWriter, r *http.Request, cfg *handlerConfig) {
	res, err := cfg.Action()
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	json.NewEncoder(w).Encode(res)
}

func handleDirect(w http.ResponseWriter, r *http.Request, action func() (any, error)) {
	res, _ := action()
	json.NewEncoder(w).Encode(res)
}

func users(w http.ResponseWriter, r *http.Request) {
	cfg := &handlerConfig{
		Action: func() (any, error) {
			var n string
			err := db.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", r.URL.Query().Get("id")).Scan(&n)
			return n, err
		},
	}
	handleGet(w, r, cfg)
}

func orders(w http.ResponseWriter, r *http.Request) {
	handleGet(w, r, &handlerConfig{Action: func() (any, error) {
		var n string
		err := db.QueryRowContext(r.Context(), "SELECT total FROM orders WHERE id = $1", r.URL.Query().Get("id")).Scan(&n)
		return n, err
	}})
}

func items(w http.ResponseWriter, r *http.Request) {
	handleDirect(w, r, func() (any, error) {
		var n string
		err := db.QueryRowContext(r.Context(), "SELECT sku FROM items WHERE id = $1", r.URL.Query().Get("id")).Scan(&n)
		return n, err
	})
}

func tags(w http.ResponseWriter, r *http.Request) {
	handleDirect(w, r, func() (any, error) {
		var n string
		err := db.QueryRowContext(r.Context(), "SELECT label FROM tags WHERE id = $1", r.URL.Query().Get("id")).Scan(&n)
		return n, err
	})
}

// retried sets its config's Action twice: which one runs is not the
// literal's to say, so the route runs what any caller puts there.
func retried(w http.ResponseWriter, r *http.Request) {
	cfg := &handlerConfig{Action: func() (any, error) {
		var n string
		err := db.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", r.URL.Query().Get("id")).Scan(&n)
		return n, err
	}}
	if r.URL.Query().Has("fresh") {
		cfg.Action = func() (any, error) {
			var n int
			err := db.QueryRowContext(r.Context(), "SELECT count(*) FROM audit").Scan(&n)
			return n, err
		}
	}
	handleGet(w, r, cfg)
}

func main() {
	db, _ = sql.Open("postgres", "")
	http.HandleFunc("GET /users", users)
	http.HandleFunc("GET /orders", orders)
	http.HandleFunc("GET /items", items)
	http.HandleFunc("GET /tags", tags)
	http.HandleFunc("GET /retried", retried)
	http.ListenAndServe(":1", nil)
}
