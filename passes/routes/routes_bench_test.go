package routes_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// flatService is a service shaped as many real ones are: every route
// registered in one long function on one ServeMux, behind a middleware
// that queries, each handler a constructor returning a closure that runs
// its own query. n routes, their handlers spread over files of 20.
func flatService(n int) map[string][]byte {
	files := map[string][]byte{
		"go.mod": []byte("module example.com/flat\n\ngo 1.22\n"),
	}
	var reg strings.Builder
	reg.WriteString(`package flat

import "net/http"

func (a *App) Routes(prefix string) http.Handler {
	router := http.NewServeMux()
	if a.Open {
		router.Handle("GET "+prefix+"/api/health", a.handleHealth())
	}
`)
	for i := range n {
		fmt.Fprintf(&reg, "\trouter.Handle(\"GET \"+prefix+\"/api/items%d/{id}\", a.userOnly(a.handleItem%d()))\n", i, i)
	}
	reg.WriteString("\treturn router\n}\n")
	files["routes.go"] = []byte(reg.String())
	files["app.go"] = []byte(`package flat

import (
	"database/sql"
	"net/http"
)

type App struct {
	DB   *sql.DB
	Open bool
}

func (a *App) userOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var id int
		if err := a.DB.QueryRowContext(r.Context(), "SELECT id FROM sessions WHERE token = $1", r.Header.Get("Token")).Scan(&id); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (a *App) handleHealth() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }
}
`)
	for f := 0; f*20 < n; f++ {
		var h strings.Builder
		h.WriteString("package flat\n\nimport \"net/http\"\n")
		for i := f * 20; i < min(n, (f+1)*20); i++ {
			fmt.Fprintf(&h, `
func (a *App) handleItem%[1]d() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var name string
		if err := a.DB.QueryRowContext(r.Context(), "SELECT name FROM items%[1]d WHERE id = $1", r.PathValue("id")).Scan(&name); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		w.Write([]byte(name))
	}
}
`, i)
		}
		files[fmt.Sprintf("handlers%d.go", f)] = []byte(h.String())
	}
	return files
}

// BenchmarkRoutes runs the routes pass (and the queries pass it needs)
// over services of growing size: the time per route should stay flat.
func BenchmarkRoutes(b *testing.B) {
	for _, n := range []int{100, 400, 1600} {
		b.Run(fmt.Sprintf("routes=%d", n), func(b *testing.B) {
			pkgs := testenv.LoadModule(b, flatService(n))
			b.ReportAllocs()
			cpu := testenv.CPUTime()
			for b.Loop() {
				g := testenv.Analyze(b, []*analysis.Analyzer{routes.Analyzer}, pkgs)
				found := 0
				for act := range g.All() {
					if res, ok := act.Result.(*routes.Result); ok && act.Analyzer == routes.Analyzer {
						for _, r := range res.Routes {
							if r.Registered && r.Request.Once == 2 {
								found++
							}
						}
					}
				}
				if found < n {
					b.Fatalf("%d routes with the middleware's and the handler's query, want %d", found, n)
				}
			}
			b.ReportMetric(float64((testenv.CPUTime()-cpu).Nanoseconds())/float64(b.N*n)/1e3, "cpu-µs/route")
		})
	}
}
