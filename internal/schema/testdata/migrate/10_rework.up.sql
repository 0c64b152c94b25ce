-- Runs after 2_orders, not before it: versions are numbers.
ALTER TABLE orders DROP COLUMN note;
ALTER TABLE orders RENAME COLUMN user_id TO customer_id;
ALTER INDEX orders_user_id_idx RENAME TO orders_customer_idx;
ALTER TABLE users RENAME TO customers;
ALTER TABLE customers ADD COLUMN org_id int, ADD CONSTRAINT customers_org_name UNIQUE (org_id, name);
DROP INDEX orders_pending;
