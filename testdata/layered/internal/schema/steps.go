// Package schema creates and upgrades the tracker's tables. Each step runs
// once, in order, in its own transaction; schema_version records the steps
// applied.
package schema

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

type step struct {
	version int
	name    string
	apply   func(ctx context.Context, tx *sql.Tx) error
}

// steps is the schema's history. Append only.
var steps = []step{
	{1, "core tables", createCore},
	{2, "labels", addLabels},
	{3, "task slugs", addTaskSlugs},
}

// Upgrade applies the steps the database has not seen yet.
func Upgrade(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	var current int
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return err
	}
	for _, s := range steps {
		if s.version <= current {
			continue
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := s.apply(ctx, tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("schema step %d (%s): %w", s.version, s.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, s.version); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func createCore(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE users (
	id         bigserial PRIMARY KEY,
	email      text NOT NULL UNIQUE,
	name       text NOT NULL,
	is_admin   boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
	token      text PRIMARY KEY,
	user_id    bigint NOT NULL REFERENCES users (id),
	expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
CREATE TABLE projects (
	id          bigserial PRIMARY KEY,
	owner_id    bigint NOT NULL REFERENCES users (id),
	name        text NOT NULL,
	archived_at timestamptz,
	created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_owner_id_idx ON projects (owner_id);
CREATE TABLE priorities (
	id   bigint PRIMARY KEY,
	name text NOT NULL
);
CREATE TABLE tasks (
	id          bigserial PRIMARY KEY,
	project_id  bigint NOT NULL REFERENCES projects (id),
	assignee_id bigint REFERENCES users (id),
	title       text NOT NULL,
	status      text NOT NULL DEFAULT 'todo',
	priority_id bigint NOT NULL DEFAULT 2 REFERENCES priorities (id),
	due_at      timestamptz,
	reminded_at timestamptz,
	done_at     timestamptz
);
CREATE INDEX tasks_project_id_status_idx ON tasks (project_id, status);
CREATE INDEX tasks_status_idx ON tasks (status);
CREATE INDEX tasks_due_at_idx ON tasks (due_at);
CREATE TABLE comments (
	id         bigserial PRIMARY KEY,
	task_id    bigint NOT NULL REFERENCES tasks (id),
	author_id  bigint NOT NULL REFERENCES users (id),
	body       text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);`)
	return err
}

func addLabels(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE labels (
	id         bigserial PRIMARY KEY,
	project_id bigint NOT NULL REFERENCES projects (id),
	name       text NOT NULL
);
CREATE TABLE task_labels (
	task_id  bigint NOT NULL REFERENCES tasks (id),
	label_id bigint NOT NULL REFERENCES labels (id),
	PRIMARY KEY (task_id, label_id)
);`)
	return err
}

// addTaskSlugs gives every task a URL slug made from its title.
func addTaskSlugs(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE tasks ADD COLUMN slug text`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, title FROM tasks WHERE slug IS NULL`)
	if err != nil {
		return err
	}
	type task struct {
		id    int64
		title string
	}
	var todo []task
	for rows.Next() {
		var t task
		if err := rows.Scan(&t.id, &t.title); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, t)
	}
	rows.Close()
	for _, t := range todo {
		slug := strings.ToLower(strings.Join(strings.Fields(t.title), "-"))
		if _, err := tx.ExecContext(ctx, `UPDATE tasks SET slug = $1 WHERE id = $2`, slug, t.id); err != nil {
			return err
		}
	}
	return rows.Err()
}
