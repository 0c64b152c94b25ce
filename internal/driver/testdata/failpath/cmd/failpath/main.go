package main

import (
	"net/http"
	"strconv"

	"example.com/failpath/jobs"
	"example.com/failpath/store"
)

func main() {
	s := store.New(nil)
	http.HandleFunc("/run", func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var ids []int64
		var items []*store.Item
		var blocks []jobs.Block
		for _, v := range r.URL.Query()["id"] {
			id, _ := strconv.ParseInt(v, 10, 64)
			ids = append(ids, id)
			items = append(items, &store.Item{ID: id})
			blocks = append(blocks, jobs.Block{Items: items})
		}
		jobs.Process(ctx, s, ids)
		jobs.ProcessDeep(ctx, s, ids)
		jobs.Always(ctx, s, ids)
		jobs.GetOrCreate(ctx, s, items)
		jobs.Run(ctx, s, ids)
		jobs.OneByOne(ctx, s, blocks)
		jobs.Resend(ctx, s, items)
		jobs.CreateMissing(ctx, s, items)
		jobs.Batch(ctx, s, items)
		jobs.Twice(ctx, s, items)
	})
	_ = http.ListenAndServe(":8080", nil)
}
