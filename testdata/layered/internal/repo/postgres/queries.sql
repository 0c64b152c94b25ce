-- Queries of the postgres repository that read better as SQL.

-- name: list-comments
SELECT id, task_id, author_id, body, created_at
  FROM comments
 WHERE task_id = $1
 ORDER BY created_at;
