package broken

import "database/sql"

func Broken(db *sql.DB) { db.Query(undefinedQuery) }
