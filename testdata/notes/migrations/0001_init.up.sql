CREATE TABLE notes (
  id         BIGSERIAL   PRIMARY KEY,
  owner_id   bigint      NOT NULL,
  title      text        NOT NULL,
  body       text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tags (
  note_id bigint NOT NULL REFERENCES notes (id),
  tag     text   NOT NULL,
  PRIMARY KEY (note_id, tag)
);
