// Package service holds the tracker's use cases. The HTTP handlers depend
// on its interfaces only, so that tests can replace them.
package service

import (
	"context"

	"example.com/layered/internal/repo"
	"example.com/layered/internal/store"
)

// Users authenticates requests and looks users up.
type Users interface {
	Authenticate(ctx context.Context, token string) (repo.User, error)
}

// Projects is everything the API does with projects and their tasks.
type Projects interface {
	List(ctx context.Context, ownerID int64) ([]Summary, error)
	Create(ctx context.Context, ownerID int64, name string) (int64, error)
	Get(ctx context.Context, id int64) (Detail, error)
	Board(ctx context.Context, id int64) (Board, error)
	PurgeDone(ctx context.Context, id int64) (int, error)
	Task(ctx context.Context, id int64) (repo.Task, error)
	LabelTask(ctx context.Context, taskID int64, labels []string) error
	Comments(ctx context.Context, taskID int64) ([]repo.Comment, error)
	Assigned(ctx context.Context, userID int64) ([]repo.Task, error)
}

// Summary is a project with how much is left to do in it.
type Summary struct {
	repo.Project
	Open int `json:"open"`
}

// Detail is a project with the tasks in progress and who leads them.
type Detail struct {
	repo.Project
	Doing []repo.Task `json:"doing"`
	Lead  *repo.User  `json:"lead,omitempty"`
}

// Board is a project's tasks by column, with their priorities named.
type Board struct {
	Columns    map[string][]repo.Task `json:"columns"`
	Priorities map[int64]string       `json:"priorities"`
}

// NewUsers returns the Users service over st.
func NewUsers(st *store.Store) Users { return &users{st: st} }

// NewProjects returns the Projects service over st.
func NewProjects(st *store.Store) Projects { return &projects{st: st} }

type users struct{ st *store.Store }

func (u *users) Authenticate(ctx context.Context, token string) (repo.User, error) {
	return u.st.UserForToken(ctx, token)
}

type projects struct{ st *store.Store }

// defaultLabels are the labels every new project starts with.
var defaultLabels = []string{"bug", "feature", "chore"}

// boardColumns are the statuses a board shows, in order.
var boardColumns = [3]string{"todo", "doing", "done"}

func (s *projects) List(ctx context.Context, ownerID int64) ([]Summary, error) {
	ps, err := s.st.ProjectsOf(ctx, ownerID)
	if err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(ps))
	for _, p := range ps {
		n, err := s.st.OpenTaskCount(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, Summary{Project: p, Open: n})
	}
	return out, nil
}

func (s *projects) Create(ctx context.Context, ownerID int64, name string) (int64, error) {
	id, err := s.st.CreateProject(ctx, ownerID, name)
	if err != nil {
		return 0, err
	}
	for _, l := range defaultLabels {
		if err := s.st.AddLabel(ctx, id, l); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func (s *projects) Get(ctx context.Context, id int64) (Detail, error) {
	p, err := s.st.Project(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Project: p}
	if d.Doing, err = s.st.Column(ctx, id, "doing"); err != nil {
		return Detail{}, err
	}
	// The lead is whoever works on the first task in progress.
	for _, t := range d.Doing {
		if t.AssigneeID != 0 {
			u, err := s.st.User(ctx, t.AssigneeID)
			if err != nil {
				return Detail{}, err
			}
			d.Lead = &u
			break
		}
	}
	return d, nil
}

func (s *projects) Board(ctx context.Context, id int64) (Board, error) {
	b := Board{Columns: map[string][]repo.Task{}, Priorities: map[int64]string{}}
	for _, status := range boardColumns {
		tasks, err := s.st.Column(ctx, id, status)
		if err != nil {
			return Board{}, err
		}
		b.Columns[status] = tasks
		for _, t := range tasks {
			name, err := s.st.PriorityName(ctx, t.PriorityID)
			if err != nil {
				return Board{}, err
			}
			b.Priorities[t.PriorityID] = name
		}
	}
	return b, nil
}

func (s *projects) PurgeDone(ctx context.Context, id int64) (int, error) {
	return s.st.PurgeDone(ctx, id)
}

func (s *projects) Task(ctx context.Context, id int64) (repo.Task, error) {
	return s.st.Task(ctx, id)
}

func (s *projects) LabelTask(ctx context.Context, taskID int64, labels []string) error {
	t, err := s.st.Task(ctx, taskID)
	if err != nil {
		return err
	}
	for _, name := range labels {
		if err := s.st.AttachLabelByName(ctx, t.ID, t.ProjectID, name); err != nil {
			return err
		}
	}
	return nil
}

func (s *projects) Comments(ctx context.Context, taskID int64) ([]repo.Comment, error) {
	return s.st.CommentsWithAuthors(ctx, taskID)
}

func (s *projects) Assigned(ctx context.Context, userID int64) ([]repo.Task, error) {
	return s.st.AssignedTo(ctx, userID)
}
