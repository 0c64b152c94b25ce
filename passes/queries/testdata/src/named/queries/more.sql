-- name: dup
SELECT 2;
