package main

import (
	"database/sql"
	"net/http"

	"example.com/tasks/api"
	"example.com/tasks/jobs"
	"example.com/tasks/worker"
	machinery "github.com/RichardKnop/machinery/v1"
	"github.com/hibiken/asynq"
)

func main() {
	db, _ := sql.Open("postgres", "")
	mux := asynq.NewServeMux()
	w := &jobs.Welcomer{DB: db}
	mux.HandleFunc("welcome:send", w.Welcome)
	mux.Handle("report:build", &jobs.ReportProcessor{DB: db})
	srv := asynq.NewServer(asynq.RedisClientOpt{Addr: ":6379"}, asynq.Config{Concurrency: 10})
	go srv.Run(mux)

	mail := asynq.NewServer(asynq.RedisClientOpt{Addr: ":6379"}, asynq.Config{})
	mail.Start(&jobs.Mailer{DB: db})

	c := worker.New(asynq.NewServer(asynq.RedisClientOpt{Addr: ":6379"}, asynq.Config{}))
	c.Register(jobs.TypeImport, jobs.Import(db))
	c.RegisterPlain(jobs.TypeReindex, jobs.Reindex(db))
	c.Start()

	tasks := &machinery.Server{}
	n := jobs.Notifier{DB: db}
	tasks.RegisterTasks(map[string]interface{}{
		"due": n.Due,
	})
	tasks.RegisterTask("digest", n.Digest)
	go tasks.NewWorker("worker", 2).Launch()

	a := &api.API{DB: db, Mux: mux}
	http.HandleFunc("POST /register", a.Register)
	http.HandleFunc("POST /run", a.Run)
	http.ListenAndServe(":8080", nil)
}

// registerOrphan registers through the worker's helper, but nothing
// calls it: its handler is no job.
func registerOrphan(c *worker.Consumer, db *sql.DB) {
	c.Register("orphan:run", jobs.Orphan(db))
}

var _ = registerOrphan
