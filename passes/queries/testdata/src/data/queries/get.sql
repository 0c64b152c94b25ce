SELECT id, title FROM notes WHERE id = $1
