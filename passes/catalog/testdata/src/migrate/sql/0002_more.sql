-- +goose Up
ALTER TABLE tickets ADD COLUMN closed_at timestamptz;
