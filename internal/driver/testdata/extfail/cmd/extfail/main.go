package main

import (
	"net/http"
	"strconv"

	"example.com/extfail/notify"
	"example.com/extfail/store"
	"example.net/kvdb"
	"example.net/pushsvc"
)

func main() {
	s := store.New(nil)
	c := &pushsvc.Client{HTTP: http.DefaultClient}
	kv := &kvdb.KV{}
	http.HandleFunc("/notify", func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var devices []*store.Device
		var ids []int64
		tokens := r.URL.Query()["token"]
		for _, v := range r.URL.Query()["id"] {
			id, _ := strconv.ParseInt(v, 10, 64)
			ids = append(ids, id)
			devices = append(devices, &store.Device{ID: id})
		}
		notify.SendAll(ctx, c, s, devices)
		notify.SendEach(ctx, c, s, devices)
		notify.Deactivate(ctx, c, s, devices)
		notify.Prune(s, ids, tokens)
		notify.PruneKV(kv, s, tokens)
		notify.DeliverAll(ctx, c, s, devices)
		notify.MarkAll(ctx, c, s, devices)
	})
	_ = http.ListenAndServe(":8080", nil)
}
