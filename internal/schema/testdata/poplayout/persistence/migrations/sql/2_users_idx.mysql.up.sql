CREATE INDEX users_nid_email_idx ON users (nid, email(255));
