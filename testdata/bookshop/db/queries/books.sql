-- name: ListBooksByAuthor :many
SELECT * FROM books
WHERE author_id = $1;

-- name: GetBookByISBN :one
SELECT id, title FROM books
WHERE isbn = sqlc.arg(isbn);

-- Added after the last `sqlc generate`: no Go runs it yet, it is still checked.
-- name: ListRecentBooks :many
SELECT * FROM books
WHERE published_at > @since
ORDER BY published_at DESC
LIMIT 10;

-- name: ExportBooks :many
-- sqlheat:ignore selectstar -- the CSV export writes every column
SELECT * FROM books ORDER BY id;
