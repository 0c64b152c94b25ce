-- name: ListBooksByAuthor :many
SELECT * FROM books
WHERE author_id = $1;

-- name: GetBook :one
SELECT * FROM books WHERE id = $1;
