CREATE TABLE spans (id UInt64) ENGINE = MergeTree ORDER BY id;
