-- name: get-note
SELECT * FROM notes WHERE id = $1; -- want `query get-note: SELECT \* fetches every column of notes`

-- name: notes-by-owner
SELECT id, title FROM notes WHERE owner_id = $1;

-- Not looked up anywhere in Go: checked on its own, in package store,
-- the package of the nearest directory holding Go.
-- name: all-notes
SELECT n.* -- want `query all-notes: SELECT n.\* fetches every column of notes`
FROM notes n;

-- A template: the program replaces %query% with conditions at run time;
-- the star around the hole is still reported.
-- name: search-notes
-- raw: true
SELECT n.* FROM notes n -- want `query search-notes: SELECT n.\* fetches every column of notes`
WHERE n.owner_id = $1 AND %query%
ORDER BY %order%;

-- name: notes-where
SELECT id FROM notes {{if .Owner}}WHERE owner_id = $1{{end}} {{.Order}};
