-- name: DeleteBook :batchexec
DELETE FROM books WHERE book_id = $1;

-- name: BooksByYear :batchmany
SELECT * FROM books WHERE year = $1;

-- name: CreateBook :batchone
INSERT INTO books (title, year) VALUES ($1, $2)
RETURNING *;
