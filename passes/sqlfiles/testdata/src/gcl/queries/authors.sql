-- name: GetAuthor :one
SELECT * FROM authors WHERE id = $1;

-- name: ListAuthors :many
SELECT * FROM authors ORDER BY name;

-- name: AllAuthors :many
-- sqlheat:ignore selectstar -- the export writes every column (silenced here, under golangci-lint too)
SELECT * FROM authors;
