-- Notes, loaded at run time by name (goyesql, dotsql).

-- name: get-note
SELECT * FROM notes WHERE id = $1;

-- name: notes-by-owner
SELECT id, title
FROM notes
WHERE owner_id = $1;

-- name: touch-note
UPDATE notes SET updated_at = now() WHERE id = $1;

-- name: note-count
SELECT count(*) FROM notes;

-- name: dup
SELECT 1;
