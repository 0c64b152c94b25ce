CREATE INDEX users_nid_idx ON users (nid) USING HASH;
