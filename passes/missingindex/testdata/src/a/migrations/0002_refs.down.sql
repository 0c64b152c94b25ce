CREATE INDEX orders_region_idx ON orders (region);
DROP INDEX orders_external_ref_idx;
