-- name: ListBooksByAuthor :many
SELECT b.*, a.name -- want `query ListBooksByAuthor: SELECT b.\* fetches every column of books`
FROM books b JOIN authors a ON a.id = b.author_id
WHERE b.author_id = sqlc.arg(author_id);

-- name: BooksWithAuthors :many
SELECT sqlc.embed(books), sqlc.embed(authors)
FROM books JOIN authors ON authors.id = books.author_id;

-- Added to the file but not generated yet: still checked.
-- name: ListRecentBooks :many
SELECT * -- want `query ListRecentBooks: SELECT \* fetches every column of books`
FROM books ORDER BY id DESC LIMIT 10;

-- name: ExportBooks :many
-- sqlheat:ignore selectstar -- the export writes every column to CSV
SELECT * FROM books;

-- The star only locks the rows: its columns never reach the code.
-- name: RetitleBooks :exec
WITH locked AS (
  SELECT * FROM books WHERE author_id = $1 FOR UPDATE
)
UPDATE books SET title = upper(books.title) FROM locked WHERE books.id = locked.id;
