-- name: notes-by-owner
SELECT id, title FROM notes WHERE owner_id = $1; -- want `query notes-by-owner: no index serves the equality filter on notes\(owner_id\)`

-- name: note-by-title
SELECT id FROM notes WHERE title = $1;

-- name: stale-notes
SELECT id FROM notes WHERE updated_at < $1 ORDER BY updated_at LIMIT 100; -- fix `ON notes \(updated_at\);` -- want `query stale-notes: no index serves the range filter and ORDER BY on notes\(updated_at\)`
