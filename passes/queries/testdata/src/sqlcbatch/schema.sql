CREATE TABLE books (
  book_id bigserial PRIMARY KEY,
  title   text NOT NULL,
  year    int NOT NULL
);
