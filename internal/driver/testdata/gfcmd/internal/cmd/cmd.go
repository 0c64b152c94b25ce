// Package cmd holds the program's GoFrame commands: the server's (the
// default, and http), and an operator's one-off repair (up).
package cmd

import (
	"context"
	"database/sql"
	"os"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/os/gcmd"

	"example.com/gfcmd/internal/fix"
)

var db *sql.DB

var (
	Main = &gcmd.Command{
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			return Http.Func(ctx, parser)
		},
	}

	Http = &gcmd.Command{
		Name: "http",
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			s := g.Server()
			s.BindHandler("/tags", tags)
			s.BindHandler("/retry", retry)
			s.Run()
			return nil
		},
	}

	Up = &gcmd.Command{
		Name: "up",
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			return fix.MenuTree(ctx, db)
		},
	}
)

func init() {
	if err := Main.AddCommand(Http, Up); err != nil {
		panic(err)
	}
}

// job is a task a request may start.
type job struct {
	run func(ctx context.Context) error
}

// requeue does nothing, unless start-up sets it to requeue the failed
// jobs: a call of requeue.run runs either.
var requeue = &job{run: func(ctx context.Context) error { return nil }}

func init() {
	if os.Getenv("REQUEUE_FAILED") != "" {
		requeue.run = requeueFailed
	}
}

func requeueFailed(ctx context.Context) error {
	return fix.Requeue(ctx, db)
}

// retry serves a request by running requeue's code.
func retry(r *ghttp.Request) {
	requeue.run(r.Context())
}

// tags serves a request: one lookup per tag named.
func tags(r *ghttp.Request) {
	for _, name := range r.Request.URL.Query()["tag"] {
		db.QueryContext(r.Context(), "SELECT id FROM tags WHERE name = $1", name)
	}
}
