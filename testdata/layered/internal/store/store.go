// Package store is the tracker's persistence layer: the operations the
// services need, over whichever Repository the program was started with.
package store

import (
	"context"
	"sync"
	"time"

	"example.com/layered/internal/repo"
)

// Store implements the tracker's data operations over a dialect's
// Repository.
type Store struct {
	driver repo.Repository

	prioOnce sync.Once
	prios    map[int64]string
	prioErr  error
}

// New returns a Store over driver.
func New(driver repo.Repository) *Store { return &Store{driver: driver} }

func (s *Store) UserForToken(ctx context.Context, token string) (repo.User, error) {
	return s.driver.SessionUser(ctx, token)
}

func (s *Store) User(ctx context.Context, id int64) (repo.User, error) {
	return s.driver.GetUser(ctx, id)
}

func (s *Store) ProjectsOf(ctx context.Context, ownerID int64) ([]repo.Project, error) {
	return s.driver.ListProjects(ctx, ownerID)
}

func (s *Store) Project(ctx context.Context, id int64) (repo.Project, error) {
	return s.driver.GetProject(ctx, id)
}

func (s *Store) CreateProject(ctx context.Context, ownerID int64, name string) (int64, error) {
	return s.driver.InsertProject(ctx, ownerID, name)
}

func (s *Store) AddLabel(ctx context.Context, projectID int64, name string) error {
	return s.driver.InsertLabel(ctx, projectID, name)
}

// OpenTaskCount counts the tasks of a project not done yet.
func (s *Store) OpenTaskCount(ctx context.Context, projectID int64) (int, error) {
	return s.driver.CountOpenTasks(ctx, projectID)
}

// Column lists the tasks of one column of a project's board.
func (s *Store) Column(ctx context.Context, projectID int64, status string) ([]repo.Task, error) {
	return s.driver.TasksByStatus(ctx, projectID, status)
}

func (s *Store) Task(ctx context.Context, id int64) (repo.Task, error) {
	return s.driver.GetTask(ctx, id)
}

func (s *Store) AssignedTo(ctx context.Context, userID int64) ([]repo.Task, error) {
	return s.driver.TasksAssignedTo(ctx, userID)
}

func (s *Store) CountTasks(ctx context.Context, state string) (int, error) {
	return s.driver.CountTasks(ctx, state)
}

// AttachLabelByName attaches the project's label called name to a task.
func (s *Store) AttachLabelByName(ctx context.Context, taskID, projectID int64, name string) error {
	l, err := s.driver.LabelByName(ctx, projectID, name)
	if err != nil {
		return err
	}
	return s.driver.AttachLabel(ctx, taskID, l.ID)
}

// CommentsWithAuthors lists a task's comments with their authors' names.
func (s *Store) CommentsWithAuthors(ctx context.Context, taskID int64) ([]repo.Comment, error) {
	cs, err := s.driver.ListComments(ctx, taskID)
	if err != nil {
		return nil, err
	}
	for i, c := range cs {
		u, err := s.driver.GetUser(ctx, c.AuthorID)
		if err != nil {
			return nil, err
		}
		cs[i].Author = u.Name
	}
	return cs, nil
}

// PriorityName names a priority. The priorities table is small and never
// changes while the service runs: it is read once, on first use.
func (s *Store) PriorityName(ctx context.Context, id int64) (string, error) {
	s.prioOnce.Do(func() {
		list, err := s.driver.ListPriorities(ctx)
		s.prios, s.prioErr = map[int64]string{}, err
		for _, p := range list {
			s.prios[p.ID] = p.Name
		}
	})
	return s.prios[id], s.prioErr
}

// deleteBatch is how many rows one DELETE removes at most.
const deleteBatch = 500

// PurgeDone deletes the done tasks of a project, a batch per statement.
func (s *Store) PurgeDone(ctx context.Context, projectID int64) (int, error) {
	ids, err := s.driver.DoneTaskIDs(ctx, projectID)
	if err != nil {
		return 0, err
	}
	for _, batch := range Chunks(ids, deleteBatch) {
		if err := s.driver.DeleteTasks(ctx, batch); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

func (s *Store) StaleProjects(ctx context.Context, before time.Time) ([]int64, error) {
	return s.driver.StaleProjects(ctx, before)
}

// ArchiveProject archives a project and deletes its done tasks.
func (s *Store) ArchiveProject(ctx context.Context, id int64) error {
	if err := s.driver.ArchiveProject(ctx, id); err != nil {
		return err
	}
	ids, err := s.driver.DoneTaskIDs(ctx, id)
	if err != nil {
		return err
	}
	for start := 0; start < len(ids); start += deleteBatch {
		end := min(start+deleteBatch, len(ids))
		if err := s.driver.DeleteTasks(ctx, ids[start:end]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) DueTasks(ctx context.Context) ([]repo.Task, error) {
	return s.driver.DueTasks(ctx)
}

func (s *Store) MarkReminded(ctx context.Context, taskID int64) error {
	return s.driver.MarkReminded(ctx, taskID)
}

// Chunks splits items into slices of at most n.
func Chunks[T any](items []T, n int) [][]T {
	var out [][]T
	for len(items) > n {
		out = append(out, items[:n])
		items = items[n:]
	}
	if len(items) > 0 {
		out = append(out, items)
	}
	return out
}
