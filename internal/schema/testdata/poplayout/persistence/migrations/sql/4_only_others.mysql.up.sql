CREATE INDEX users_lower_idx ON users (email);
