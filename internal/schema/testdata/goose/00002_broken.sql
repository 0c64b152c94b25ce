-- +goose Up
-- +goose StatementBegin
ALTER TABLE accounts ADD COLUMN balance numeric;
-- +goose StatementEnd

CREATE TABLE ledger (id int,, amount numeric);
CREATE TABLE entries (id int PRIMARY KEY, account_id int);

-- +goose Down
DROP TABLE entries;
