// Command layered runs the task tracker: its API and console (serve),
// its schema upgrades (upgrade), and operator tasks (archive).
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"example.com/layered/internal/admin"
	"example.com/layered/internal/api"
	"example.com/layered/internal/repo"
	"example.com/layered/internal/repo/postgres"
	"example.com/layered/internal/repo/sqlite"
	"example.com/layered/internal/schema"
	"example.com/layered/internal/service"
	"example.com/layered/internal/store"
	"example.com/layered/internal/worker"
)

func main() {
	logger := log.New(os.Stderr, "layered ", log.LstdFlags|log.Lmsgprefix)
	cmd, args := "serve", os.Args[1:]
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, args, logger)
	case "upgrade":
		err = upgrade(ctx, args)
	case "archive":
		err = archive(ctx, args)
	default:
		err = fmt.Errorf("unknown command %q (want serve, upgrade or archive)", cmd)
	}
	if err != nil {
		logger.Fatal(err)
	}
}

// database holds the flags every command takes to reach the database.
type database struct {
	dialect, dsn string
}

func (d *database) flags(fs *flag.FlagSet) {
	fs.StringVar(&d.dialect, "dialect", "postgres", "database: postgres or sqlite")
	fs.StringVar(&d.dsn, "dsn", os.Getenv("DATABASE_URL"), "data source name")
}

// open connects and returns the dialect's repository.
func (d *database) open() (*sql.DB, repo.Repository, error) {
	db, err := sql.Open(d.dialect, d.dsn)
	if err != nil {
		return nil, nil, err
	}
	switch d.dialect {
	case "postgres":
		rp, err := postgres.New(db)
		return db, rp, err
	case "sqlite":
		return db, sqlite.New(db), nil
	}
	return nil, nil, fmt.Errorf("unknown dialect %q", d.dialect)
}

func serve(ctx context.Context, args []string, logger *log.Logger) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	var d database
	d.flags(fs)
	addr := fs.String("addr", ":8080", "API address")
	adminAddr := fs.String("admin-addr", "127.0.0.1:8081", "console address")
	fs.Parse(args)

	db, rp, err := d.open()
	if err != nil {
		return err
	}
	defer db.Close()
	if pg, ok := rp.(*postgres.Repo); ok {
		if err := pg.Warm(ctx); err != nil {
			return err
		}
	}
	st := store.New(rp)
	h := api.New(service.NewUsers(st), service.NewProjects(st), logger)
	console := admin.New(db, st.CountTasks)
	notify := func(t repo.Task) error {
		logger.Printf("task %d is due", t.ID)
		return nil
	}
	go worker.NewReminders(st, time.Minute, notify, logger).Run(ctx)
	go func() {
		logger.Fatal(http.ListenAndServe(*adminAddr, console.Routes()))
	}()
	logger.Printf("listening on %s", *addr)
	return http.ListenAndServe(*addr, h.Routes())
}

func upgrade(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("upgrade", flag.ExitOnError)
	var d database
	d.flags(fs)
	fs.Parse(args)
	db, _, err := d.open()
	if err != nil {
		return err
	}
	defer db.Close()
	return schema.Upgrade(ctx, db)
}

// archive archives the projects named on the command line and, with
// -older-than, every project created before then.
func archive(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("archive", flag.ExitOnError)
	var d database
	d.flags(fs)
	olderThan := fs.Duration("older-than", 0, "also archive the projects created longer ago than this")
	fs.Parse(args)
	db, rp, err := d.open()
	if err != nil {
		return err
	}
	defer db.Close()
	st := store.New(rp)
	for _, arg := range fs.Args() {
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil {
			return fmt.Errorf("project id %q: %w", arg, err)
		}
		if err := st.ArchiveProject(ctx, id); err != nil {
			return err
		}
	}
	if *olderThan <= 0 {
		return nil
	}
	stale, err := st.StaleProjects(ctx, time.Now().Add(-*olderThan))
	if err != nil {
		return err
	}
	for _, id := range stale {
		if err := st.ArchiveProject(ctx, id); err != nil {
			return err
		}
	}
	return nil
}
