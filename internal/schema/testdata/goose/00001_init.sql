-- +goose Up
CREATE TABLE accounts (id int PRIMARY KEY, owner text);

-- +goose StatementBegin
CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE INDEX accounts_owner ON accounts (owner);

-- +goose Down
DROP TABLE accounts;
CREATE TABLE should_not_exist (id int);
