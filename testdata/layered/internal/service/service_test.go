package service_test

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"example.com/layered/internal/repo"
	"example.com/layered/internal/repo/postgres"
	"example.com/layered/internal/service"
	"example.com/layered/internal/store"
	"example.com/layered/internal/testdb"
)

func TestList(t *testing.T) {
	dsn := os.Getenv("TEST_DATABASE_URL")
	if dsn == "" {
		t.Skip("TEST_DATABASE_URL is not set")
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := testdb.Seed(ctx, db, []repo.User{{ID: 1, Email: "a@example.com", Name: "A"}}, []repo.Project{{ID: 1, OwnerID: 1, Name: "p"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := testdb.UserByEmail(ctx, db, "a@example.com"); err != nil {
		t.Fatal(err)
	}
	rp, err := postgres.New(db)
	if err != nil {
		t.Fatal(err)
	}
	got, err := service.NewProjects(store.New(rp)).List(ctx, 1)
	if err != nil || len(got) != 1 {
		t.Fatalf("List = %v, %v; want one project", got, err)
	}
}
