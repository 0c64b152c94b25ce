SELECT count(*) FROM notes WHERE id = ?
