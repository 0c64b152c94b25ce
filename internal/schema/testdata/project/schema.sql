CREATE TABLE dump (id int);
