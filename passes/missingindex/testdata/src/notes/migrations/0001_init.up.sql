CREATE TABLE notes (
  id         BIGSERIAL PRIMARY KEY,
  owner_id   bigint NOT NULL,
  title      text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- name: this is not a query file (a migration directory): never read as one
CREATE INDEX notes_title_idx ON notes (title);
