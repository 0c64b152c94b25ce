CREATE TABLE v2_a (id int);
