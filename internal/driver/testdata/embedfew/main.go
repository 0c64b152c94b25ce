// Command embedfew serves a log: QueueLeaf queues the request's one leaf
// through the registry's embedded storage, AddLeaves the client's list.
package main

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"example.com/embedfew/extension"
	"example.com/embedfew/storage"
	"example.com/embedfew/storage/sqlstore"
)

type server struct {
	registry extension.Registry
}

func main() {
	db, _ := sql.Open("postgres", "")
	s := &server{registry: extension.Registry{LogStorage: sqlstore.New(db)}}
	var ls storage.LogStorage = s.registry // the registry is a storage too
	_ = ls
	http.HandleFunc("POST /leaf", s.queueLeaf)
	http.HandleFunc("POST /leaves", s.addLeaves)
	http.ListenAndServe(":8080", nil)
}

func (s *server) queueLeaf(w http.ResponseWriter, r *http.Request) {
	leaf := storage.Leaf{Hash: []byte(r.FormValue("hash")), Value: []byte(r.FormValue("value"))}
	s.registry.QueueLeaves(r.Context(), []storage.Leaf{leaf})
}

func (s *server) addLeaves(w http.ResponseWriter, r *http.Request) {
	var leaves []storage.Leaf
	json.NewDecoder(r.Body).Decode(&leaves)
	s.registry.AddLeaves(r.Context(), leaves)
}
