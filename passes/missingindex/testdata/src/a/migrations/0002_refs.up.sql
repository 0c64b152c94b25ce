-- The region index did not pay; external references are looked up.
DROP INDEX orders_region_idx;
ALTER TABLE orders ADD COLUMN external_ref text;
CREATE INDEX orders_external_ref_idx ON orders (external_ref);
ALTER INDEX order_items_order_idx RENAME TO order_items_order_id_idx;

CREATE TABLE measurements (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    sensor_id   bigint NOT NULL,
    taken_at    timestamptz NOT NULL,
    value       double precision,
    PRIMARY KEY (id, taken_at)
) PARTITION BY RANGE (taken_at);
