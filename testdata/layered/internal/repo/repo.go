// Package repo declares what the store needs from a database: one
// Repository per SQL dialect (postgres, sqlite) implements it.
package repo

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("repo: not found")

// Repository is the dialect-specific data access of the tracker.
type Repository interface {
	SessionUser(ctx context.Context, token string) (User, error)
	GetUser(ctx context.Context, id int64) (User, error)

	ListProjects(ctx context.Context, ownerID int64) ([]Project, error)
	GetProject(ctx context.Context, id int64) (Project, error)
	InsertProject(ctx context.Context, ownerID int64, name string) (int64, error)
	InsertLabel(ctx context.Context, projectID int64, name string) error
	StaleProjects(ctx context.Context, before time.Time) ([]int64, error)
	ArchiveProject(ctx context.Context, id int64) error

	GetTask(ctx context.Context, id int64) (Task, error)
	CountOpenTasks(ctx context.Context, projectID int64) (int, error)
	TasksByStatus(ctx context.Context, projectID int64, status string) ([]Task, error)
	TasksAssignedTo(ctx context.Context, userID int64) ([]Task, error)
	CountTasks(ctx context.Context, state string) (int, error)
	DoneTaskIDs(ctx context.Context, projectID int64) ([]int64, error)
	DeleteTasks(ctx context.Context, ids []int64) error
	DueTasks(ctx context.Context) ([]Task, error)
	MarkReminded(ctx context.Context, taskID int64) error

	LabelByName(ctx context.Context, projectID int64, name string) (Label, error)
	AttachLabel(ctx context.Context, taskID, labelID int64) error
	ListComments(ctx context.Context, taskID int64) ([]Comment, error)
	ListPriorities(ctx context.Context) ([]Priority, error)
}

type User struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

type Project struct {
	ID         int64      `json:"id"`
	OwnerID    int64      `json:"owner_id"`
	Name       string     `json:"name"`
	ArchivedAt *time.Time `json:"archived_at,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
}

type Task struct {
	ID         int64      `json:"id"`
	ProjectID  int64      `json:"project_id"`
	AssigneeID int64      `json:"assignee_id,omitempty"`
	Title      string     `json:"title"`
	Status     string     `json:"status"`
	PriorityID int64      `json:"priority_id"`
	DueAt      *time.Time `json:"due_at,omitempty"`
	DoneAt     *time.Time `json:"done_at,omitempty"`
}

type Label struct {
	ID        int64  `json:"id"`
	ProjectID int64  `json:"project_id"`
	Name      string `json:"name"`
}

type Comment struct {
	ID        int64     `json:"id"`
	TaskID    int64     `json:"task_id"`
	AuthorID  int64     `json:"author_id"`
	Author    string    `json:"author,omitempty"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

type Priority struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}
