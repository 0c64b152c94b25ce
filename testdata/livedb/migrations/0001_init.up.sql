-- The planted cases of sqlheat's live-database tests; each table is one
-- case, and seed.sql fills it (and plants what the database has that
-- these migrations do not).

-- Tiny: forty warehouses. The index on city is not worth having.
CREATE TABLE warehouses (
    id   BIGSERIAL PRIMARY KEY,
    city TEXT NOT NULL
);

-- Drift both ways: the database has an index on order_ref (created by
-- hand, see seed.sql) that these migrations lack, and lacks the carrier
-- index they create.
CREATE TABLE shipments (
    id         BIGSERIAL PRIMARY KEY,
    order_ref  BIGINT      NOT NULL,
    carrier    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX shipments_carrier_idx ON shipments (carrier);

-- Never used: the query compares account_id as numeric, so no index
-- on the bigint column can serve it.
CREATE TABLE invoices (
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT  NOT NULL,
    amount     NUMERIC NOT NULL
);

-- Confirmed, with a parameter PostgreSQL cannot type alone; downgraded
-- where the filter matches half the table; refused for an expression
-- that is not immutable.
CREATE TABLE events (
    id      BIGSERIAL PRIMARY KEY,
    user_id BIGINT      NOT NULL,
    kind    TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
