-- name: ListBooksByAuthor :many
SELECT id, title FROM books -- fix `^add CREATE INDEX CONCURRENTLY idx_books_author_id ON books \(author_id\);$` -- want `^query ListBooksByAuthor: no index serves the equality filter on books\(author_id\): every call reads the whole table$`
WHERE author_id = $1;

-- name: GetBook :one
SELECT id, title FROM books WHERE id = $1;

-- Not generated yet: checked all the same.
-- name: BooksByTitle :many
SELECT id FROM books -- want `query BooksByTitle: no index serves the equality filter on books\(title\)`
WHERE title = sqlc.arg(title);

-- name: BookByISBN :one
SELECT id FROM books WHERE isbn = @isbn;

-- name: BooksByAuthorTitle :many
-- sqlheat:ignore missingindex -- authors have a handful of books
SELECT id FROM books WHERE author_id = $1 AND title = $2;
