// Package postgres is the tracker's Repository on PostgreSQL.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"example.com/layered/internal/repo"
)

// The statements of the repository, kept together so that a reviewer sees
// every query the service runs on PostgreSQL.
const (
	sessionUserSQL = `SELECT u.id, u.email, u.name, u.created_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = $1 AND s.expires_at > now()`
	getUserSQL     = `SELECT id, email, name, created_at FROM users WHERE id = $1`

	listProjectsSQL  = `SELECT id, owner_id, name, created_at FROM projects WHERE owner_id = $1 AND archived_at IS NULL ORDER BY name`
	getProjectSQL    = `SELECT * FROM projects WHERE id = $1`
	insertProjectSQL = `INSERT INTO projects (owner_id, name) VALUES ($1, $2) RETURNING id`
	insertLabelSQL   = `INSERT INTO labels (project_id, name) VALUES ($1, $2)`
	staleProjectsSQL = `SELECT id FROM projects WHERE archived_at IS NULL AND created_at < $1`
	archiveSQL       = `UPDATE projects SET archived_at = now() WHERE id = $1`

	getTaskSQL       = `SELECT id, project_id, assignee_id, title, status, priority_id, due_at, done_at FROM tasks WHERE id = $1`
	countOpenSQL     = `SELECT count(*) FROM tasks WHERE project_id = $1 AND done_at IS NULL`
	tasksByStatusSQL = `SELECT id, project_id, assignee_id, title, status, priority_id, due_at, done_at FROM tasks WHERE project_id = $1 AND status = $2 ORDER BY priority_id, id`
	countTasksSQL    = `SELECT count(*) FROM tasks WHERE status = $1`
	doneTaskIDsSQL   = `SELECT id FROM tasks WHERE project_id = $1 AND status = 'done'`
	deleteTasksSQL   = `DELETE FROM tasks WHERE id = ANY($1)`
	dueTasksSQL      = `SELECT id, project_id, assignee_id, title, status, priority_id, due_at, done_at FROM tasks WHERE due_at < now() AND reminded_at IS NULL ORDER BY due_at LIMIT 500`
	markRemindedSQL  = `UPDATE tasks SET reminded_at = now() WHERE id = $1`

	labelByNameSQL = `SELECT id, project_id, name FROM labels WHERE project_id = $1 AND name = $2`
	attachLabelSQL = `INSERT INTO task_labels (task_id, label_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	prioritiesSQL  = `SELECT id, name FROM priorities ORDER BY id`
)

// Repo implements repo.Repository with database/sql on PostgreSQL.
type Repo struct {
	db *sql.DB
	q  *queries
}

// New returns a Repo over db, with its named queries loaded.
func New(db *sql.DB) (*Repo, error) {
	q, err := loadQueries()
	if err != nil {
		return nil, err
	}
	return &Repo{db: db, q: q}, nil
}

// Warm prepares the hottest statements once at start-up, so that the
// first requests do not pay for planning them.
func (r *Repo) Warm(ctx context.Context) error {
	for _, q := range []string{sessionUserSQL, getUserSQL, getTaskSQL} {
		stmt, err := r.db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		stmt.Close()
	}
	return nil
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return repo.ErrNotFound
	}
	return err
}

func (r *Repo) SessionUser(ctx context.Context, token string) (repo.User, error) {
	var u repo.User
	err := r.db.QueryRowContext(ctx, sessionUserSQL, token).Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt)
	return u, notFound(err)
}

func (r *Repo) GetUser(ctx context.Context, id int64) (repo.User, error) {
	var u repo.User
	err := r.db.QueryRowContext(ctx, getUserSQL, id).Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt)
	return u, notFound(err)
}

func (r *Repo) ListProjects(ctx context.Context, ownerID int64) ([]repo.Project, error) {
	rows, err := r.db.QueryContext(ctx, listProjectsSQL, ownerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []repo.Project
	for rows.Next() {
		var p repo.Project
		if err := rows.Scan(&p.ID, &p.OwnerID, &p.Name, &p.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (r *Repo) GetProject(ctx context.Context, id int64) (repo.Project, error) {
	var p repo.Project
	err := r.db.QueryRowContext(ctx, getProjectSQL, id).Scan(&p.ID, &p.OwnerID, &p.Name, &p.ArchivedAt, &p.CreatedAt)
	return p, notFound(err)
}

func (r *Repo) InsertProject(ctx context.Context, ownerID int64, name string) (int64, error) {
	var id int64
	err := r.db.QueryRowContext(ctx, insertProjectSQL, ownerID, name).Scan(&id)
	return id, err
}

func (r *Repo) InsertLabel(ctx context.Context, projectID int64, name string) error {
	_, err := r.db.ExecContext(ctx, insertLabelSQL, projectID, name)
	return err
}

func (r *Repo) StaleProjects(ctx context.Context, before time.Time) ([]int64, error) {
	return r.ids(ctx, staleProjectsSQL, before)
}

func (r *Repo) ArchiveProject(ctx context.Context, id int64) error {
	_, err := r.db.ExecContext(ctx, archiveSQL, id)
	return err
}

func (r *Repo) GetTask(ctx context.Context, id int64) (repo.Task, error) {
	var t repo.Task
	err := r.db.QueryRowContext(ctx, getTaskSQL, id).Scan(&t.ID, &t.ProjectID, &t.AssigneeID, &t.Title, &t.Status, &t.PriorityID, &t.DueAt, &t.DoneAt)
	return t, notFound(err)
}

func (r *Repo) CountOpenTasks(ctx context.Context, projectID int64) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx, countOpenSQL, projectID).Scan(&n)
	return n, err
}

func (r *Repo) TasksByStatus(ctx context.Context, projectID int64, status string) ([]repo.Task, error) {
	rows, err := r.db.QueryContext(ctx, tasksByStatusSQL, projectID, status)
	if err != nil {
		return nil, err
	}
	return scanTasks(rows)
}

// TasksAssignedTo lists a user's open tasks, soonest due first.
func (r *Repo) TasksAssignedTo(ctx context.Context, userID int64) ([]repo.Task, error) {
	rows, err := r.db.
		QueryContext(ctx,
			`SELECT id, project_id, assignee_id, title, status, priority_id, due_at, done_at
			   FROM tasks
			  WHERE assignee_id = $1 AND done_at IS NULL
			  ORDER BY due_at`,
			userID)
	if err != nil {
		return nil, err
	}
	return scanTasks(rows)
}

func (r *Repo) CountTasks(ctx context.Context, state string) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx, countTasksSQL, state).Scan(&n)
	return n, err
}

func (r *Repo) DoneTaskIDs(ctx context.Context, projectID int64) ([]int64, error) {
	return r.ids(ctx, doneTaskIDsSQL, projectID)
}

// DeleteTasks deletes a batch of tasks in one statement.
func (r *Repo) DeleteTasks(ctx context.Context, ids []int64) error {
	_, err := r.db.ExecContext(ctx, deleteTasksSQL, ids)
	return err
}

func (r *Repo) DueTasks(ctx context.Context) ([]repo.Task, error) {
	rows, err := r.db.QueryContext(ctx, dueTasksSQL)
	if err != nil {
		return nil, err
	}
	return scanTasks(rows)
}

func (r *Repo) MarkReminded(ctx context.Context, taskID int64) error {
	_, err := r.db.ExecContext(ctx, markRemindedSQL, taskID)
	return err
}

func (r *Repo) LabelByName(ctx context.Context, projectID int64, name string) (repo.Label, error) {
	var l repo.Label
	err := r.db.QueryRowContext(ctx, labelByNameSQL, projectID, name).Scan(&l.ID, &l.ProjectID, &l.Name)
	return l, notFound(err)
}

func (r *Repo) AttachLabel(ctx context.Context, taskID, labelID int64) error {
	_, err := r.db.ExecContext(ctx, attachLabelSQL, taskID, labelID)
	return err
}

// ListComments runs a query kept in queries.sql.
func (r *Repo) ListComments(ctx context.Context, taskID int64) ([]repo.Comment, error) {
	rows, err := r.db.QueryContext(ctx, r.q.ListComments, taskID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []repo.Comment
	for rows.Next() {
		var c repo.Comment
		if err := rows.Scan(&c.ID, &c.TaskID, &c.AuthorID, &c.Body, &c.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (r *Repo) ListPriorities(ctx context.Context) ([]repo.Priority, error) {
	rows, err := r.db.QueryContext(ctx, prioritiesSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []repo.Priority
	for rows.Next() {
		var p repo.Priority
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ids runs a query returning one id column.
func (r *Repo) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := r.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func scanTasks(rows *sql.Rows) ([]repo.Task, error) {
	defer rows.Close()
	var out []repo.Task
	for rows.Next() {
		var t repo.Task
		if err := rows.Scan(&t.ID, &t.ProjectID, &t.AssigneeID, &t.Title, &t.Status, &t.PriorityID, &t.DueAt, &t.DoneAt); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
