// Command server runs the shop API.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/demo/internal/api"
	"example.com/demo/internal/store"
	"example.com/demo/internal/worker"
)

func main() {
	logger := log.New(os.Stderr, "shop ", log.LstdFlags|log.Lmsgprefix)

	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		logger.Fatalf("open database: %v", err)
	}
	defer db.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go worker.NewSessionCleaner(db, time.Minute, logger).Run(ctx)

	mux := http.NewServeMux()
	api.New(store.New(db), logger).Routes(mux)

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	logger.Printf("listening on %s", addr)
	if err := http.ListenAndServe(addr, mux); err != nil {
		logger.Fatal(err)
	}
}
