-- name: touch-book
UPDATE books SET title = title WHERE id = $1;
