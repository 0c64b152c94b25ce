CREATE TABLE users (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    name        text NOT NULL,
    active      boolean NOT NULL DEFAULT true
);
CREATE INDEX users_lower_name_idx ON users (lower(name));

CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES users (id),
    status      text NOT NULL,
    region      text NOT NULL,
    note        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    tags        text[]
);
CREATE INDEX orders_open_created_idx ON orders (created_at) WHERE status = 'open';
CREATE INDEX orders_tags_idx ON orders USING gin (tags);
CREATE INDEX orders_region_idx ON orders (region);

CREATE TABLE order_items (
    id          bigserial PRIMARY KEY,
    order_id    bigint NOT NULL REFERENCES orders (id),
    product_id  bigint NOT NULL,
    quantity    int NOT NULL
);
CREATE INDEX order_items_order_idx ON order_items (order_id);

CREATE TABLE products (
    id          bigserial PRIMARY KEY,
    sku         text UNIQUE,
    name        text NOT NULL,
    description text
);
CREATE INDEX products_description_trgm ON products USING gin (description gin_trgm_ops);

CREATE TABLE events (
    id          bigserial PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    kind        text NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX events_tenant_at_idx ON events (tenant_id, at);

CREATE TABLE jobs (
    id          bigserial PRIMARY KEY,
    queue       text NOT NULL,
    run_at      timestamptz NOT NULL,
    done_at     timestamptz
);
CREATE INDEX jobs_pending_idx ON jobs (run_at) WHERE done_at IS NULL;

CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigserial PRIMARY KEY, customer_id bigint NOT NULL, due date);

CREATE TABLE archived_orders (LIKE orders INCLUDING ALL);
