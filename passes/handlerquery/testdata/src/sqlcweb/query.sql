-- name: GetOrder :one
SELECT * FROM orders WHERE id = $1;

-- name: CancelOrder :exec
UPDATE orders SET status = 'cancelled' WHERE id = $1;
