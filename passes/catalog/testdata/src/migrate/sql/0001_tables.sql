-- +goose Up
CREATE TABLE tickets (
    id          bigserial PRIMARY KEY,
    queue       text NOT NULL,
    assignee_id bigint
);
CREATE TABLE broken (id int,,);
-- +goose Down
DROP TABLE tickets;
