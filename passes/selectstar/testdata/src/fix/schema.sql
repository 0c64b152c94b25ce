CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    status      text NOT NULL,
    created_at  timestamptz NOT NULL
);
ALTER TABLE orders ADD COLUMN total_cents bigint;
ALTER TABLE orders DROP COLUMN status;
CREATE TABLE events ("user" text, "Kind" text, at timestamptz);
CREATE TABLE archived_orders (LIKE orders INCLUDING ALL);
