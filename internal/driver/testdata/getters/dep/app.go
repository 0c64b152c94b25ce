package dep

import (
	"context"
	"database/sql"
	"net/http"
)

// App is a container only start-up makes (NewApp, called from main):
// every request reads the same one through its context, so what its
// getters build, they build once per process.
type App struct {
	db       *sql.DB
	settings *Settings
}

func NewApp(db *sql.DB) *App { return &App{db: db} }

func (a *App) Settings() *Settings {
	if a.settings != nil {
		return a.settings
	}
	a.settings = LoadSettings(a.db)
	return a.settings
}

type appKey struct{}

func With(ctx context.Context, a *App) context.Context { return context.WithValue(ctx, appKey{}, a) }

func From(ctx context.Context) *App { return ctx.Value(appKey{}).(*App) }

// AppNames reads the container from the request's context per item.
func AppNames(ctx context.Context, ids []int) int {
	n := 0
	for range ids {
		n += len(From(ctx).Settings().names) // silent: the container start-up made
	}
	return n
}

func ServeApp(a *App) {
	http.HandleFunc("/app", func(w http.ResponseWriter, r *http.Request) {
		AppNames(With(r.Context(), a), ids(r))
	})
}
