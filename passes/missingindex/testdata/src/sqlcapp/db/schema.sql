-- What sqlc compiles against: the tables, without the index 0002 adds.
CREATE TABLE accounts (id bigserial PRIMARY KEY, org_id bigint NOT NULL, email text NOT NULL, plan text NOT NULL);
