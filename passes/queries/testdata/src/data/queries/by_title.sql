SELECT id FROM notes WHERE title = $1
