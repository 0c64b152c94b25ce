-- Admin dashboard lists the newest orders per status; the session cleanup
-- job deletes expired sessions. Also bring the order_items index name in
-- line with the <table>_<column>_idx convention.

CREATE INDEX orders_status_created_at_idx ON orders (status, created_at DESC);

CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

ALTER INDEX order_items_order_idx RENAME TO order_items_order_id_idx;
