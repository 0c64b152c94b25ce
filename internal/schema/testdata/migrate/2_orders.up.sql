CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    status text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    note text
);
CREATE INDEX ON orders (user_id);
CREATE INDEX orders_pending ON orders (created_at) WHERE status = 'pending';
