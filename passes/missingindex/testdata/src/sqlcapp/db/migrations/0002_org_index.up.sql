CREATE INDEX accounts_org_id_idx ON accounts (org_id);
