// Package apphandler registers handlers converted to a function type of
// its own whose ServeHTTP calls them and writes their error (the pattern
// of the Go blog's "Error handling and Go"): each route's handler is the
// function converted, not the one ServeHTTP shared by every route.
package apphandler

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

type appError struct {
	Error   error
	Message string
	Code    int
}

type appHandler func(http.ResponseWriter, *http.Request) *appError

func (fn appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if e := fn(w, r); e != nil {
		http.Error(w, e.Message, e.Code)
	}
}

var db *sql.DB

func filesCB(w http.ResponseWriter, r *http.Request) *appError {
	db.QueryRowContext(r.Context(), "SELECT id FROM repos WHERE id = $1", mux.Vars(r)["id"])
	return nil
}

func blocksCB(w http.ResponseWriter, r *http.Request) *appError {
	db.QueryContext(r.Context(), "SELECT id FROM blocks")
	db.QueryContext(r.Context(), "SELECT id FROM repos")
	return nil
}

func newRouter() *mux.Router {
	r := mux.NewRouter()
	r.Handle("/files/{id}", appHandler(filesCB))                                               // want `route /files/\{id\} \[ANY /files/\{\}\] -> apphandler.filesCB: 1$`
	r.Handle("/blks/{id}", appHandler(blocksCB))                                               // want `route /blks/\{id\} \[ANY /blks/\{\}\] -> apphandler.blocksCB: 2$`
	http.Handle("/view", appHandler(filesCB))                                                  // want `route /view \[ANY /view\] -> apphandler.filesCB: 1$`
	http.Handle("/inline", appHandler(func(w http.ResponseWriter, r *http.Request) *appError { // want `route /inline \[ANY /inline\] -> func literal in apphandler.newRouter: 1$`
		db.QueryContext(r.Context(), "SELECT id FROM blocks")
		return nil
	}))
	return r
}

// plain is a handler of net/http's own shape, for comparison.
func plain(w http.ResponseWriter, r *http.Request) {
	db.QueryContext(r.Context(), "SELECT id FROM blocks")
}

func init() {
	http.HandleFunc("/plain", plain) // want `route /plain \[ANY /plain\] -> apphandler.plain: 1$`
}

// otherHandler's ServeHTTP never calls the function converted: it serves
// the route itself.
type otherHandler func(http.ResponseWriter, *http.Request) *appError

func (fn otherHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "gone", http.StatusGone)
}

func register() {
	http.Handle("/gone", otherHandler(filesCB)) // want `route /gone \[ANY /gone\] -> apphandler.otherHandler.ServeHTTP: 0$`
}
