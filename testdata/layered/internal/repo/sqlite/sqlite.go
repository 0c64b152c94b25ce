// Package sqlite is the tracker's Repository on SQLite, for single-node
// installs.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"example.com/layered/internal/repo"
)

const taskColumns = `id, project_id, assignee_id, title, status, priority_id, due_at, done_at`

// Repo implements repo.Repository with database/sql on SQLite.
type Repo struct {
	db *sql.DB
}

// New returns a Repo over db.
func New(db *sql.DB) *Repo { return &Repo{db: db} }

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return repo.ErrNotFound
	}
	return err
}

func (r *Repo) SessionUser(ctx context.Context, token string) (repo.User, error) {
	var u repo.User
	err := r.db.QueryRowContext(ctx, `SELECT u.id, u.email, u.name, u.created_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ? AND s.expires_at > CURRENT_TIMESTAMP`, token).
		Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt)
	return u, notFound(err)
}

func (r *Repo) GetUser(ctx context.Context, id int64) (repo.User, error) {
	var u repo.User
	err := r.db.QueryRowContext(ctx, `SELECT id, email, name, created_at FROM users WHERE id = ?`, id).
		Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt)
	return u, notFound(err)
}

func (r *Repo) ListProjects(ctx context.Context, ownerID int64) ([]repo.Project, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, owner_id, name, created_at FROM projects WHERE owner_id = ? AND archived_at IS NULL ORDER BY name`, ownerID)
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
	err := r.db.QueryRowContext(ctx, `SELECT id, owner_id, name, archived_at, created_at FROM projects WHERE id = ?`, id).
		Scan(&p.ID, &p.OwnerID, &p.Name, &p.ArchivedAt, &p.CreatedAt)
	return p, notFound(err)
}

func (r *Repo) InsertProject(ctx context.Context, ownerID int64, name string) (int64, error) {
	res, err := r.db.ExecContext(ctx, `INSERT INTO projects (owner_id, name) VALUES (?, ?)`, ownerID, name)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (r *Repo) InsertLabel(ctx context.Context, projectID int64, name string) error {
	_, err := r.db.ExecContext(ctx, `INSERT INTO labels (project_id, name) VALUES (?, ?)`, projectID, name)
	return err
}

func (r *Repo) StaleProjects(ctx context.Context, before time.Time) ([]int64, error) {
	return r.ids(ctx, `SELECT id FROM projects WHERE archived_at IS NULL AND created_at < ?`, before)
}

func (r *Repo) ArchiveProject(ctx context.Context, id int64) error {
	_, err := r.db.ExecContext(ctx, `UPDATE projects SET archived_at = CURRENT_TIMESTAMP WHERE id = ?`, id)
	return err
}

func (r *Repo) GetTask(ctx context.Context, id int64) (repo.Task, error) {
	var t repo.Task
	err := r.db.QueryRowContext(ctx, `SELECT `+taskColumns+` FROM tasks WHERE id = ?`, id).
		Scan(&t.ID, &t.ProjectID, &t.AssigneeID, &t.Title, &t.Status, &t.PriorityID, &t.DueAt, &t.DoneAt)
	return t, notFound(err)
}

func (r *Repo) CountOpenTasks(ctx context.Context, projectID int64) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx, `SELECT count(*) FROM tasks WHERE project_id = ? AND done_at IS NULL`, projectID).Scan(&n)
	return n, err
}

func (r *Repo) TasksByStatus(ctx context.Context, projectID int64, status string) ([]repo.Task, error) {
	return r.tasks(ctx, `SELECT `+taskColumns+` FROM tasks WHERE project_id = ? AND status = ? ORDER BY priority_id, id`, projectID, status)
}

func (r *Repo) TasksAssignedTo(ctx context.Context, userID int64) ([]repo.Task, error) {
	return r.tasks(ctx, `SELECT `+taskColumns+` FROM tasks WHERE assignee_id = ? AND done_at IS NULL ORDER BY due_at`, userID)
}

func (r *Repo) CountTasks(ctx context.Context, state string) (int, error) {
	var n int
	err := r.db.QueryRowContext(ctx, `SELECT count(*) FROM tasks WHERE status = ?`, state).Scan(&n)
	return n, err
}

func (r *Repo) DoneTaskIDs(ctx context.Context, projectID int64) ([]int64, error) {
	return r.ids(ctx, `SELECT id FROM tasks WHERE project_id = ? AND status = 'done'`, projectID)
}

// DeleteTasks deletes a batch of tasks in one statement: SQLite has no
// arrays, so the ids travel as one JSON parameter.
func (r *Repo) DeleteTasks(ctx context.Context, ids []int64) error {
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	_, err = r.db.ExecContext(ctx, `DELETE FROM tasks WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	return err
}

func (r *Repo) DueTasks(ctx context.Context) ([]repo.Task, error) {
	return r.tasks(ctx, `SELECT `+taskColumns+` FROM tasks WHERE due_at < CURRENT_TIMESTAMP AND reminded_at IS NULL ORDER BY due_at LIMIT 500`)
}

func (r *Repo) MarkReminded(ctx context.Context, taskID int64) error {
	_, err := r.db.ExecContext(ctx, `UPDATE tasks SET reminded_at = CURRENT_TIMESTAMP WHERE id = ?`, taskID)
	return err
}

func (r *Repo) LabelByName(ctx context.Context, projectID int64, name string) (repo.Label, error) {
	var l repo.Label
	err := r.db.QueryRowContext(ctx, `SELECT id, project_id, name FROM labels WHERE project_id = ? AND name = ?`, projectID, name).
		Scan(&l.ID, &l.ProjectID, &l.Name)
	return l, notFound(err)
}

func (r *Repo) AttachLabel(ctx context.Context, taskID, labelID int64) error {
	_, err := r.db.ExecContext(ctx, `INSERT INTO task_labels (task_id, label_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, taskID, labelID)
	return err
}

func (r *Repo) ListComments(ctx context.Context, taskID int64) ([]repo.Comment, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, task_id, author_id, body, created_at FROM comments WHERE task_id = ? ORDER BY created_at`, taskID)
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
	rows, err := r.db.QueryContext(ctx, `SELECT id, name FROM priorities ORDER BY id`)
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

func (r *Repo) tasks(ctx context.Context, q string, args ...any) ([]repo.Task, error) {
	rows, err := r.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
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
