CREATE INDEX users_created_idx ON users (email);
