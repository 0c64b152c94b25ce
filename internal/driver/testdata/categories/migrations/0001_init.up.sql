CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    email text NOT NULL,
    name  text NOT NULL
);
CREATE INDEX users_email_idx ON users (email);

CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    region      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);
