-- Rows for the planted cases, deterministic (no random()), and what the
-- database has that the migrations do not.
INSERT INTO warehouses (city) SELECT 'City ' || i FROM generate_series(1, 40) i;

INSERT INTO shipments (order_ref, carrier, created_at)
SELECT i * 7 % 50000, (ARRAY['ups', 'dhl', 'fedex'])[1 + i % 3], timestamptz '2026-01-01' + i * interval '1 minute'
FROM generate_series(1, 100000) i;
-- A hot fix made by hand in production, never written as a migration.
CREATE INDEX shipments_order_ref_hotfix ON shipments (order_ref);
-- And a migration's index someone dropped.
DROP INDEX shipments_carrier_idx;

INSERT INTO invoices (account_id, amount) SELECT i % 20000, i % 1000 FROM generate_series(1, 100000) i;

INSERT INTO events (user_id, kind, at)
SELECT i % 10000, (ARRAY['view', 'click'])[1 + i % 2], timestamptz '2026-01-01' + i * interval '1 second'
FROM generate_series(1, 200000) i;

ANALYZE;
