// Package api is the notes service's HTTP API.
package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/notes/internal/store"
)

type Server struct{ st *store.Store }

// notes lists an owner's notes with their tags: one tag query per note.
func (s *Server) notes(w http.ResponseWriter, r *http.Request) {
	owner, _ := strconv.ParseInt(r.PathValue("owner"), 10, 64)
	notes, err := s.st.ByOwner(r.Context(), owner)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	tags := map[int64][]string{}
	for _, n := range notes {
		tags[n.ID], _ = s.st.Tags(r.Context(), n.ID)
	}
	json.NewEncoder(w).Encode(map[string]any{"notes": notes, "tags": tags})
}

func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /owners/{owner}/notes", s.notes)
}
