package a

import "database/sql"

func A(db *sql.DB) { db.Query("SELECT * FROM a") }
