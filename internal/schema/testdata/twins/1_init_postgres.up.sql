CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
CREATE INDEX users_name ON users (name);
