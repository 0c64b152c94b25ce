-- name: GetAuthor :one
SELECT * FROM authors
WHERE id = $1 LIMIT 1;

-- name: ListAuthors :many
SELECT * FROM authors
ORDER BY name;

-- name: UpdateAuthor :exec
UPDATE authors
SET name = sqlc.arg(name), bio = sqlc.narg('bio')
WHERE id = sqlc.arg(id);
