// Command front serves HTTP, asking the items service for what it shows.
package main

import (
	"net/http"

	"google.golang.org/grpc"

	"example.com/grpcsplit/gen/storepb"
)

type front struct {
	items storepb.StoreClient
	audit storepb.AuditClient
}

func main() {
	conn, _ := grpc.NewClient("store:9090")
	f := &front{items: storepb.NewStoreClient(conn), audit: storepb.NewAuditClient(conn)}
	http.HandleFunc("GET /item", f.item)
	http.HandleFunc("GET /basket", f.basket)
	http.HandleFunc("GET /items", f.list)
	http.ListenAndServe(":8080", nil)
}

// item asks for one item: the store's one query, once per request.
func (f *front) item(w http.ResponseWriter, r *http.Request) {
	f.items.GetItem(r.Context(), &storepb.GetItemRequest{Id: r.FormValue("id")})
}

// basket asks for each item of the request one by one: an RPC and the
// store's query per item, reported.
func (f *front) basket(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		f.items.GetItem(r.Context(), &storepb.GetItemRequest{Id: id})
	}
}

// list calls a procedure the store leaves unimplemented, and the audit
// service no program here serves: no query.
func (f *front) list(w http.ResponseWriter, r *http.Request) {
	f.items.ListItems(r.Context(), &storepb.ListItemsRequest{})
	for _, id := range r.URL.Query()["id"] {
		f.audit.Record(r.Context(), &storepb.AuditRequest{Id: id})
	}
}
