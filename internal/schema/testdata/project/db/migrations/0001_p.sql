CREATE TABLE p (id int);
