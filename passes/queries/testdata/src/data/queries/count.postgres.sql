SELECT count(*) FROM notes WHERE id = $1
