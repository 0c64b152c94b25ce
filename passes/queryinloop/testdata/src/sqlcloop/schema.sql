CREATE TABLE books (id bigserial PRIMARY KEY, author_id bigint NOT NULL, title text NOT NULL);
