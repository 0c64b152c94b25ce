package b

import "database/sql"

func B(db *sql.DB) { db.Query("SELECT * FROM b") }
