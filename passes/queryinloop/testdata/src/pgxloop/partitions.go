package pgxloop

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5"
)

// Statements known only in part: a constant head, then a name only run
// time knows (a sanitized identifier). The head's first keyword says
// what kind of statement it is.

// CreatePartitions creates a table per partition at start-up: DDL, as
// its leading CREATE says, which a loop runs as a migration runner does.
// Silent, as parsed DDL is.
func CreatePartitions(ctx context.Context, conn *pgx.Conn, table string, partitions []string) error {
	t := pgx.Identifier{table}.Sanitize()
	for i := range partitions {
		_, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS`+
			pgx.Identifier{partitions[i]}.Sanitize()+` PARTITION OF `+
			t+` FOR VALUES WITH (MODULUS `+strconv.Itoa(len(partitions))+
			`,REMAINDER `+strconv.Itoa(i)+`)`)
		if err != nil {
			return err
		}
	}
	return nil
}

// DropPartitions: every statement starts with a DDL keyword (after a
// comment, in any case), whatever follows. Silent.
func DropPartitions(ctx context.Context, conn *pgx.Conn, partitions []string) {
	for _, p := range partitions {
		name := pgx.Identifier{p}.Sanitize()
		conn.Exec(ctx, "-- one partition\n drop table if exists "+name)
		conn.Exec(ctx, "/* empty it first */ TRUNCATE "+name)
		conn.Exec(ctx, "COMMENT ON TABLE "+name+" IS 'partition'")
		conn.Exec(ctx, "ALTER TABLE \""+p+"\" SET UNLOGGED") // the head ends inside a quoted name
		conn.Exec(ctx, "GRANT SELECT ON "+name+" TO reader")
		conn.Exec(ctx, "REVOKE ALL ON "+name+" FROM writer")
		// CREATE ... AS SELECT copies rows, but creates a table: DDL, as
		// the parser classes CREATE TABLE AS.
		conn.Exec(ctx, "CREATE TABLE "+name+"_copy AS SELECT * FROM "+name)
		q := "CREATE INDEX ON " + name // through a variable
		conn.Exec(ctx, q)
		ddl := "ALTER TABLE "
		ddl += name + " SET LOGGED" // appended
		conn.Exec(ctx, ddl)
	}
}

// createPartition is called in a loop: what it runs is DDL, so its
// calls are silent too.
func createPartition(ctx context.Context, conn *pgx.Conn, name string) {
	conn.Exec(ctx, "CREATE TABLE IF NOT EXISTS "+pgx.Identifier{name}.Sanitize()+" (id int)")
}

func CreateAll(ctx context.Context, conn *pgx.Conn, names []string) {
	for _, n := range names {
		createPartition(ctx, conn, n)
	}
}

// CountPartitions: heads that are not DDL stay reported.
func CountPartitions(ctx context.Context, conn *pgx.Conn, partitions []string, prefix string) {
	for _, p := range partitions {
		name := pgx.Identifier{p}.Sanitize()
		conn.QueryRow(ctx, "SELECT count(*) FROM "+name)     // want `^query … runs once per item of partitions`
		conn.Exec(ctx, "DELETE FROM "+name+" WHERE expired") // want `^query … runs once per item of partitions`
		// The head is not known: it may be anything.
		conn.Exec(ctx, prefix+"CREATE TABLE "+name) // want `^query … runs once per item of partitions`
		// WITH may end in any statement.
		conn.Exec(ctx, "WITH d AS (DELETE FROM "+name+" RETURNING *) "+p) // want `^query … runs once per item of partitions`
		// A SELECT, even one calling a function that creates a table.
		conn.Exec(ctx, "SELECT create_partition("+name+")") // want `^query … runs once per item of partitions`
	}
}
