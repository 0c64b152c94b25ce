-- Rows for the demo's schema (migrations/), enough for the planner to
-- tell a sequential scan from an index scan, for trying sqlheat -dsn:
--
--   createdb shop
--   psql -d shop -f migrations/0001_init.up.sql -f migrations/0002_order_indexes.up.sql -f seed.sql
--   sqlheat -dsn postgres:///shop ./...
--
-- Deterministic: no random().
INSERT INTO customers (email, name)
SELECT 'customer' || i || '@example.com', 'Customer ' || i FROM generate_series(1, 20000) i;

INSERT INTO products (sku, name, price_cents, stock)
SELECT 'SKU-' || i, 'Product ' || i, 100 + i % 5000, i % 50 FROM generate_series(1, 2000) i;

INSERT INTO orders (customer_id, status, total_cents, created_at)
SELECT 1 + i * 7919 % 20000, (ARRAY['pending', 'paid', 'shipped', 'cancelled'])[1 + i % 4], i % 100000,
       timestamptz '2026-01-01' + i * interval '1 minute'
FROM generate_series(1, 100000) i;

INSERT INTO order_items (order_id, product_id, quantity, price_cents)
SELECT 1 + i % 100000, 1 + i % 2000, 1 + i % 5, 100 + i % 5000 FROM generate_series(1, 100000) i;

INSERT INTO sessions (token, customer_id, expires_at)
SELECT 'token-' || i, 1 + i % 20000, timestamptz '2026-06-01' + i * interval '1 minute' FROM generate_series(1, 5000) i;

ANALYZE;
