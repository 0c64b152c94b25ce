CREATE TABLE hidden (id int);
