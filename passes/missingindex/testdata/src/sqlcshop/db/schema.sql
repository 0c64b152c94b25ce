CREATE TABLE books (
  id        BIGSERIAL PRIMARY KEY,
  author_id bigint NOT NULL,
  title     text   NOT NULL,
  isbn      text   NOT NULL UNIQUE
);
