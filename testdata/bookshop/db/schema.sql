CREATE TABLE authors (
  id   BIGSERIAL PRIMARY KEY,
  name text      NOT NULL,
  bio  text
);

CREATE TABLE books (
  id           BIGSERIAL   PRIMARY KEY,
  author_id    bigint      NOT NULL REFERENCES authors (id),
  title        text        NOT NULL,
  isbn         text        NOT NULL UNIQUE,
  published_at timestamptz NOT NULL
);
