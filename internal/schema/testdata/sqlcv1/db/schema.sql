CREATE TABLE v1_items (id int PRIMARY KEY);
