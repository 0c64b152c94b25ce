-- +goose Up
CREATE INDEX tickets_queue ON tickets (queue);
