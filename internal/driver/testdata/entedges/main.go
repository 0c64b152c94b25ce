// Command entedges converts ent entities in loops: what the converter
// queries depends on the edges each loop's query loaded.
package main

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/entedges/ent"
)

var (
	db     *sql.DB
	client *ent.Client
)

func main() {
	db, _ = sql.Open("postgres", "")
	http.HandleFunc("/contracts", withContracts)
	http.HandleFunc("/projects", withProjects)
	http.HandleFunc("/plain", plain)
	http.HandleFunc("/maybe", maybe)
	http.HandleFunc("/runs", runs)
	http.HandleFunc("/helper", helper)
	http.HandleFunc("/get", get)
	http.HandleFunc("/contracts/full", contractsFull)
	http.HandleFunc("/contracts/bare", contractsBare)
	_ = http.ListenAndServe(":8080", nil)
}

type biz struct {
	ID      int
	Latest  int
	Project string
}

func latestVersion(ctx context.Context, c *ent.Contract) int {
	var n int
	_ = db.QueryRowContext(ctx, "SELECT max(revision) FROM contract_versions WHERE contract_id = $1", c.ID).Scan(&n)
	return n
}

func projectName(ctx context.Context, id int) string {
	var s string
	_ = db.QueryRowContext(ctx, "SELECT name FROM projects WHERE id = $1", id).Scan(&s)
	return s
}

// convert queries the contract's versions when the contract was loaded,
// and the project when it was not.
func convert(ctx context.Context, w *ent.Workflow) *biz {
	b := &biz{ID: w.ID}
	if c := w.Edges.Contract; c != nil {
		b.Latest = latestVersion(ctx, c)
	}
	if w.Edges.Project == nil {
		b.Project = projectName(ctx, w.ProjectID)
	} else {
		b.Project = w.Edges.Project.Name
	}
	if r := w.Edges.LatestRun; r != nil {
		convertRun(ctx, r) // and back: a recursion
	}
	return b
}

func convertRun(ctx context.Context, r *ent.Run) *biz {
	if w := r.Edges.Workflow; w != nil {
		return convert(ctx, w)
	}
	return nil
}

func withContracts(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ws, _ := client.Workflow.Query().WithContract().WithProject().Limit(10).All(ctx)
	for _, wf := range ws {
		convert(ctx, wf) // the contracts' versions, per workflow
	}
}

func withProjects(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ws, _ := client.Workflow.Query().Where().WithProject().All(ctx)
	for _, wf := range ws {
		convert(ctx, wf) // nothing: no contract, the project loaded
	}
}

func plain(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ws, _ := client.Workflow.Query().Limit(10).All(ctx)
	for i := range ws {
		convert(ctx, ws[i]) // the projects, per workflow
	}
}

func maybe(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := client.Workflow.Query().WithProject()
	if r.URL.Query().Get("contracts") != "" {
		q = q.WithContract()
	}
	ws, _ := q.All(ctx)
	for _, wf := range ws {
		convert(ctx, wf) // the contracts' versions, when asked for
	}
}

func runs(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rs, _ := client.Run.Query().WithWorkflowAndProject().All(ctx)
	for _, run := range rs {
		convertRun(ctx, run) // nothing: each run's workflow came with its project
	}
}

// scoped is a helper whose query may load anything.
func scoped() *ent.WorkflowQuery { return client.Workflow.Query().WithContract() }

func helper(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ws, _ := scoped().WithProject().All(ctx)
	for _, wf := range ws {
		convert(ctx, wf) // not known: every query of convert
	}
}

func get(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	for _, id := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}[:len(r.URL.Query()["id"])] {
		wf, _ := client.Workflow.Get(ctx, id)
		convert(ctx, wf) // the project: Get loads no edge
	}
}

func countRuns(ctx context.Context, contract int) int {
	var n int
	_ = db.QueryRowContext(ctx, "SELECT count(*) FROM runs WHERE contract_id = $1", contract).Scan(&n)
	return n
}

// references takes a contract's workflows as loaded, or queries them
// (and counts its runs) when they were not.
func references(ctx context.Context, c *ent.Contract) []*biz {
	ws := c.Edges.Workflows
	if ws == nil {
		countRuns(ctx, c.ID)
		ws, _ = c.QueryWorkflows().WithProject().Select("id", "name").All(ctx)
	}
	var out []*biz
	for _, w := range ws {
		out = append(out, convert(ctx, w))
	}
	return out
}

func contractsFull(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cs, _ := client.Contract.Query().WithWorkflows(func(q *ent.WorkflowQuery) {
		q.WithProject()
	}).All(ctx)
	for _, c := range cs {
		references(ctx, c) // nothing: the workflows came with their projects
	}
}

func contractsBare(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cs, _ := client.Contract.Query().All(ctx)
	for _, c := range cs {
		references(ctx, c) // the runs' count, per contract
	}
}
