-- Queries of the notes service, loaded by package store (go:embed).

-- name: get-note
SELECT * FROM notes WHERE id = $1;

-- name: notes-by-owner
SELECT id, title
FROM notes
WHERE owner_id = $1
ORDER BY updated_at DESC;

-- name: note-tags
SELECT tag FROM tags WHERE note_id = $1;

-- name: search-titles
SELECT id, title FROM notes WHERE title = $1;
