-- Templates: the program fills %query% and %order% at run time.

-- name: search-notes
-- raw: true
SELECT n.* FROM notes n
WHERE n.owner_id = $1 AND %query%
ORDER BY %order%;
