-- name: GetAuthor :one
SELECT * FROM authors -- fix `^list the columns the code reads$` -- want `^query GetAuthor: SELECT \* fetches every column of authors, including ones added later$`
WHERE id = $1 LIMIT 1;

-- name: CreateAuthor :one
INSERT INTO authors (name, bio) VALUES ($1, $2)
RETURNING *;

-- name: CountAuthors :one
SELECT count(*) FROM authors;
