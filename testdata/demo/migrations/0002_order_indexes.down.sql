ALTER INDEX order_items_order_id_idx RENAME TO order_items_order_idx;
DROP INDEX sessions_expires_at_idx;
DROP INDEX orders_status_created_at_idx;
