package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"example.com/changedsync/billing"
	"example.com/changedsync/store"
)

type stripe struct{}

func (stripe) Customer(ctx context.Context, id int64) (billing.Remote, error) {
	return billing.Remote{}, nil
}

func main() {
	db, _ := sql.Open("postgres", "")
	svc := billing.New(store.New(db), stripe{})
	go func() {
		for range time.Tick(5 * time.Minute) {
			svc.BackgroundSync(context.Background())
		}
	}()
	http.HandleFunc("/refresh", func(w http.ResponseWriter, r *http.Request) {
		_ = svc.Refresh(r.Context())
	})
	http.HandleFunc("/touch", func(w http.ResponseWriter, r *http.Request) {
		_ = svc.Touch(r.Context())
	})
	_ = http.ListenAndServe(":8080", nil)
}
