CREATE TABLE j (id int);
