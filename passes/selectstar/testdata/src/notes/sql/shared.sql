-- No package owns this file (no Go file above it in the module): the
-- blocks are checked where Go runs them.
-- name: owner-notes
SELECT * FROM notes WHERE owner_id = $1; -- want `query owner-notes: SELECT \* fetches every column of notes`

-- name: never-run
SELECT * FROM notes;
