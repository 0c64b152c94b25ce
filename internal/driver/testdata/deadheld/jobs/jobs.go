// Package jobs runs the program's work.
package jobs

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"example.com/deadheld/store"
)

// Job is handed to net/http: its exported field's Posts is what code
// outside can hold the store as.
type Job struct {
	Posts store.Posts
}

func (j *Job) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	j.Posts.Touch(r.Context(), []int{1})
}

// Params carries what an export needs, as any, by name.
type Params struct {
	Values map[string]any
	Extra  map[string]any
}

// Dump prints every extra value, whatever its key.
func Dump(p Params) {
	for _, v := range p.Extra {
		fmt.Println(v)
	}
}

// Export reads the store back by its key.
func Export(ctx context.Context, p Params) string {
	if w, ok := p.Values["writer"].(io.Writer); ok {
		fmt.Fprintln(w, "export")
	}
	s, ok := p.Values["storer"].(store.Storer)
	if !ok {
		return ""
	}
	return s.Title(ctx, 1)
}

// Load takes the store as an interface it spells.
func Load(ctx context.Context, s interface {
	Title(ctx context.Context, id int) string
}) string {
	return s.Title(ctx, 2)
}

// Print hands the archive to fmt whole, as any.
func Print(a *store.Archive) {
	fmt.Println(a)
}
