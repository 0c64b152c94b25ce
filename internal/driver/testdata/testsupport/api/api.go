// Package api serves the users.
package api

import (
	"database/sql"
	"net/http"
	"strconv"

	"example.com/testsupport/report"
	"example.com/testsupport/store"
)

type Server struct{ DB *sql.DB }

// Touch serves POST /touch.
func (s *Server) Touch(w http.ResponseWriter, r *http.Request) {
	var ids []int64
	for _, v := range r.URL.Query()["id"] {
		id, _ := strconv.ParseInt(v, 10, 64)
		ids = append(ids, id)
	}
	store.Touch(r.Context(), s.DB, ids)
	report.Weekly(r.Context(), s.DB, ids)
}
