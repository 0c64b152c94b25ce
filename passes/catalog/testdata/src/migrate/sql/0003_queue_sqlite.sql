-- +goose Up
PRAGMA journal_mode = WAL;
CREATE INDEX tickets_queue_lite ON tickets (queue, id);
