-- name: GetItem :one
SELECT * FROM v1_items WHERE id = $1;
