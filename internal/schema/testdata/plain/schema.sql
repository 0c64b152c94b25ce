CREATE SCHEMA billing;
CREATE TABLE billing.invoices (
    org_id int,
    number int,
    total numeric,
    PRIMARY KEY (org_id, number)
);
CREATE TABLE public.orgs (id int PRIMARY KEY, name text UNIQUE);
SET search_path TO audit;
CREATE TABLE events (id bigint, at timestamptz);
CREATE INDEX ON events (at);
