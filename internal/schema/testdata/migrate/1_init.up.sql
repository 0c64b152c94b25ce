CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
