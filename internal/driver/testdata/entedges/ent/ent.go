// Package ent is shaped as entgo.io generates a client: entities with
// an Edges struct, queries whose With methods ask for edges, and
// clients.
package ent

import "context"

type Workflow struct {
	ID        int
	ProjectID int
	Edges     WorkflowEdges
}

type WorkflowEdges struct {
	Project   *Project
	Contract  *Contract
	LatestRun *Run
}

type Project struct {
	ID   int
	Name string
}

type Contract struct {
	ID    int
	Edges ContractEdges
}

type ContractEdges struct{ Workflows []*Workflow }

// QueryWorkflows queries the contract's workflows.
func (c *Contract) QueryWorkflows() *WorkflowQuery { return &WorkflowQuery{} }

type Run struct {
	ID    int
	Edges RunEdges
}

type RunEdges struct{ Workflow *Workflow }

type WorkflowQuery struct {
	withProject  *ProjectQuery
	withContract *ContractQuery
	limit        int
	rows         []*Workflow
}

type ProjectQuery struct{}

type ContractQuery struct {
	withWorkflows *WorkflowQuery
	rows          []*Contract
}

func (q *ContractQuery) WithWorkflows(opts ...func(*WorkflowQuery)) *ContractQuery {
	query := &WorkflowQuery{}
	for _, o := range opts {
		o(query)
	}
	q.withWorkflows = query
	return q
}

func (q *ContractQuery) All(ctx context.Context) ([]*Contract, error) { return q.rows, nil }

// WorkflowSelect is a query's rows with some of their fields.
type WorkflowSelect struct{ q *WorkflowQuery }

func (q *WorkflowQuery) Select(fields ...string) *WorkflowSelect { return &WorkflowSelect{q: q} }

func (s *WorkflowSelect) All(ctx context.Context) ([]*Workflow, error) { return s.q.rows, nil }

func (q *WorkflowQuery) Where(ps ...func()) *WorkflowQuery { return q }

func (q *WorkflowQuery) Limit(n int) *WorkflowQuery {
	q.limit = n
	return q
}

func (q *WorkflowQuery) WithProject(opts ...func(*ProjectQuery)) *WorkflowQuery {
	query := &ProjectQuery{}
	for _, o := range opts {
		o(query)
	}
	q.withProject = query
	return q
}

func (q *WorkflowQuery) WithContract(opts ...func(*ContractQuery)) *WorkflowQuery {
	query := &ContractQuery{}
	for _, o := range opts {
		o(query)
	}
	q.withContract = query
	return q
}

func (q *WorkflowQuery) All(ctx context.Context) ([]*Workflow, error) { return q.rows, nil }

func (q *WorkflowQuery) First(ctx context.Context) (*Workflow, error) { return q.rows[0], nil }

type RunQuery struct {
	withWorkflow *WorkflowQuery
	rows         []*Run
}

func (q *RunQuery) WithWorkflow(opts ...func(*WorkflowQuery)) *RunQuery {
	query := &WorkflowQuery{}
	for _, o := range opts {
		o(query)
	}
	q.withWorkflow = query
	return q
}

// WithWorkflowAndProject is the module's own helper, as chainloop's.
func (q *RunQuery) WithWorkflowAndProject() *RunQuery {
	return q.WithWorkflow(func(q *WorkflowQuery) {
		q.WithProject()
	})
}

func (q *RunQuery) All(ctx context.Context) ([]*Run, error) { return q.rows, nil }

type Client struct {
	Workflow *WorkflowClient
	Run      *RunClient
	Contract *ContractClient
}

type ContractClient struct{}

func (c *ContractClient) Query() *ContractQuery { return &ContractQuery{} }

type WorkflowClient struct{ byID map[int]*Workflow }

func (c *WorkflowClient) Query() *WorkflowQuery { return &WorkflowQuery{} }

func (c *WorkflowClient) Get(ctx context.Context, id int) (*Workflow, error) { return c.byID[id], nil }

type RunClient struct{}

func (c *RunClient) Query() *RunQuery { return &RunQuery{} }
