package main

import (
	"database/sql"
	"net/http"
	"time"

	"example.com/sched/api"
	"example.com/sched/jobs"
	forkcron "example.net/forkcron"
	gocron1 "github.com/go-co-op/gocron"
	"github.com/go-co-op/gocron/v2"
	pbcron "github.com/pocketbase/pocketbase/tools/cron"
	"github.com/robfig/cron/v3"
)

func main() {
	db, _ := sql.Open("postgres", "")
	c := cron.New()
	for _, spec := range []string{"@hourly", "@daily"} {
		addSweep(c, spec, db)
	}
	c.Start()
	s1 := gocron1.NewScheduler(time.UTC)
	for _, n := range []int{1, 5} {
		addCleanup(s1, n, db)
	}
	s1.StartAsync()
	s2, _ := gocron.NewScheduler()
	for _, d := range []time.Duration{time.Minute, time.Hour} {
		s2.NewJob(gocron.DurationJob(d), gocron.NewTask(jobs.Digest, db))
	}
	s2.Start()
	pb := pbcron.New()
	pb.MustAdd("rollup", "*/10 * * * *", func() { jobs.Rollup(db) })
	pb.Start()
	a := &api.API{DB: db, Cron: c}
	http.HandleFunc("POST /schedule", a.Schedule)
	http.HandleFunc("POST /archive", a.Archive)
	http.HandleFunc("POST /every", a.Every)
	http.HandleFunc("POST /bulk", a.Bulk)
	http.HandleFunc("POST /direct", a.Direct)
	http.HandleFunc("POST /fork", (&api.Forked{DB: db, Cron: forkcron.New()}).Schedule)
	http.ListenAndServe(":8080", nil)
}

func addSweep(c *cron.Cron, spec string, db *sql.DB) {
	c.AddFunc(spec, func() { jobs.Sweep(db) })
}

func addCleanup(s *gocron1.Scheduler, n int, db *sql.DB) {
	s.Every(n).Do(jobs.Cleanup, db)
}
