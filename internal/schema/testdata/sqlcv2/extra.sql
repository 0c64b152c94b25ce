CREATE TABLE v2_b (id int);
