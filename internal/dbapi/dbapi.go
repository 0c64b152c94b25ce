// Package dbapi is the table of database APIs sqlheat recognizes.
//
// A query site is recognized by the *type* of the function called — its
// package, its receiver type and its name — never by the method name alone:
// a `Get` on a cache or a `Find` on a slice helper must not look like a
// query. Matching by name is what made an N+1 check in a popular linter so
// noisy that it ships disabled; one table, looked up by types.Func, keeps
// every pass honest and makes adding a library a one-line change.
package dbapi

import (
	"go/types"
	"slices"
	"strings"
	"sync"
)

// Role says what a call does with SQL, which decides whether it is a round
// trip to the database and where its SQL text comes from.
type Role uint8

const (
	// Query runs the SQL text in argument SQLArg and returns rows.
	Query Role = iota + 1
	// Exec runs the SQL text in argument SQLArg for its effect.
	Exec
	// Prepare sends the SQL text in argument SQLArg to be prepared; the
	// statement it returns runs it later (a round trip of its own).
	Prepare
	// StmtRun runs a prepared statement: the SQL is the one prepared.
	StmtRun
	// SendBatch sends every statement queued on a batch in one round trip.
	SendBatch
	// Queue adds SQL to a batch: not a round trip by itself.
	Queue
	// Builder starts an ORM statement from raw SQL (gorm Raw, bun NewRaw);
	// nothing is sent until a Finisher runs on its result.
	Builder
	// Finisher makes an ORM send the statement it has built.
	Finisher
	// TxStmt returns a prepared statement (argument SQLArg) bound to a
	// transaction, as database/sql's Tx.Stmt does: the statement it
	// returns runs the SQL the argument was prepared from. Nothing is
	// sent until that statement runs.
	TxStmt
)

// RoundTrip reports whether a call in this role costs a trip to the
// database each time it runs.
func (r Role) RoundTrip() bool { return r != Queue && r != Builder && r != TxStmt }

func (r Role) String() string {
	switch r {
	case Query:
		return "query"
	case Exec:
		return "exec"
	case Prepare:
		return "prepare"
	case StmtRun:
		return "stmt"
	case SendBatch:
		return "batch"
	case Queue:
		return "queue"
	case Builder:
		return "builder"
	case Finisher:
		return "orm"
	case TxStmt:
		return "txstmt"
	}
	return "?"
}

// Method is one entry of the table.
type Method struct {
	Pkg    string // import path of the package declaring the function
	Recv   string // receiver type name ("" for a package-level function)
	Name   string
	Role   Role
	SQLArg int  // index of the SQL text argument; -1 when there is none
	Write  bool // an ORM finisher that writes (Create, Save, Update, Delete)
	// SQL is the statement a library function sends of itself, taking
	// none (a migration tool's read of the schema's version), in its
	// default configuration.
	SQL string
	// Lib is the library when Pkg does not say it: ent's builders are
	// generated into the program's own packages.
	Lib string
	// Schema says the call changes the schema from models the ORM
	// reads (gorm's AutoMigrate, bun's CreateTableQuery.Exec): DDL,
	// whether or not the models, and so the statements, are known.
	Schema bool
}

// Library is a short name for the package, used in messages ("pgx", "gorm").
func (m *Method) Library() string {
	switch {
	case m.Lib != "":
		return m.Lib
	case m.Pkg == "database/sql":
		return "database/sql"
	case strings.HasPrefix(m.Pkg, "github.com/jackc/pgx"):
		return "pgx"
	case strings.HasPrefix(m.Pkg, "github.com/jmoiron/sqlx"):
		return "sqlx"
	case m.Pkg == "gorm.io/gorm" || m.Pkg == GormV1:
		return "gorm"
	case strings.HasPrefix(m.Pkg, "github.com/uptrace/bun"):
		return "bun"
	case m.Pkg == squirrel:
		return "squirrel"
	case m.Pkg == dbx:
		return "dbx"
	case slices.Contains(gorpPaths, m.Pkg):
		return "gorp"
	case m.Pkg == xorm:
		return "xorm"
	case IsPop(m.Pkg):
		return "pop"
	case m.Pkg == Goqu || m.Pkg == goquExec:
		return "goqu"
	case m.Pkg == BeegoORM || m.Pkg == BeegoORMV1:
		return "beego"
	case m.Pkg == PocketBaseCore || m.Pkg == pocketBaseDaos:
		return "pocketbase"
	case m.Pkg == GdbV2 || m.Pkg == GdbV1:
		return "gdb"
	case m.Pkg == GoZeroSQLX || m.Pkg == GoZeroSQLC:
		return "go-zero"
	case slices.Contains(sqlboilerQueries, m.Pkg):
		return "sqlboiler"
	case strings.HasPrefix(m.Pkg, "github.com/go-pg/pg/"):
		return "go-pg"
	}
	return m.Pkg
}

type key struct{ pkg, recv, name string }

// table holds every method by package, receiver and name. It is filled
// on first use, through methods: a vet tool process that never asks, one
// per dependency of the module, does not build it.
var table map[key]*Method

var methods = sync.OnceValue(func() map[key]*Method {
	table = map[key]*Method{}
	fillTable()
	fillPop()
	return table
})

// add registers name on every receiver of pkg, with the SQL argument at
// sqlArg; a ctx-taking "Context" twin shifts it by one.
func add(pkg string, recvs []string, role Role, sqlArg int, names ...string) {
	for _, recv := range recvs {
		for _, name := range names {
			table[key{pkg, recv, name}] = &Method{Pkg: pkg, Recv: recv, Name: name, Role: role, SQLArg: sqlArg}
		}
	}
}

// finishers registers the ORM finishers names of recvs in pkg, which
// write when write says so; lib names the library when pkg does not say
// it (see Method.Lib).
func finishers(pkg string, recvs []string, lib string, write bool, names ...string) {
	for _, recv := range recvs {
		for _, name := range names {
			table[key{pkg, recv, name}] = &Method{Pkg: pkg, Recv: recv, Name: name, Role: Finisher, SQLArg: -1, Write: write, Lib: lib}
		}
	}
}

// schema marks the methods registered (see Method.Schema).
func schema(pkg string, recvs []string, names ...string) {
	for _, recv := range recvs {
		for _, name := range names {
			if m := table[key{pkg, recv, name}]; m != nil {
				m.Schema = true
			}
		}
	}
}

// addCtx registers name (SQL at sqlArg) and name+"Context" (SQL at sqlArg+1).
func addCtx(pkg string, recvs []string, role Role, sqlArg int, names ...string) {
	ctxArg := sqlArg + 1
	if sqlArg < 0 {
		ctxArg = -1 // no SQL argument in either form
	}
	for _, name := range names {
		add(pkg, recvs, role, sqlArg, name)
		add(pkg, recvs, role, ctxArg, name+"Context")
	}
}

// fillTable registers the methods of every library but pop (see methods).
func fillTable() {
	// database/sql. Tx, Conn and DB share the query methods; Stmt runs
	// what was prepared.
	addCtx("database/sql", []string{"DB", "Tx"}, Query, 0, "Query", "QueryRow")
	addCtx("database/sql", []string{"DB", "Tx"}, Exec, 0, "Exec")
	addCtx("database/sql", []string{"DB", "Tx"}, Prepare, 0, "Prepare")
	add("database/sql", []string{"Conn"}, Query, 1, "QueryContext", "QueryRowContext")
	add("database/sql", []string{"Conn"}, Exec, 1, "ExecContext")
	add("database/sql", []string{"Conn"}, Prepare, 1, "PrepareContext")
	addCtx("database/sql", []string{"Stmt"}, StmtRun, -1, "Query", "QueryRow", "Exec")
	addCtx("database/sql", []string{"Tx"}, TxStmt, 0, "Stmt")

	// sqlx: its types embed database/sql's, so Query/Exec on an *sqlx.DB
	// resolve to database/sql's methods; these are sqlx's own.
	const sqlx = "github.com/jmoiron/sqlx"
	addCtx(sqlx, []string{"DB", "Tx"}, Query, 1, "Select", "Get")
	add(sqlx, []string{"Conn"}, Query, 2, "SelectContext", "GetContext")
	addCtx(sqlx, []string{"DB", "Tx"}, Query, 0, "Queryx", "QueryRowx", "NamedQuery")
	add(sqlx, []string{"Conn"}, Query, 1, "QueryxContext", "QueryRowxContext")
	addCtx(sqlx, []string{"DB", "Tx"}, Exec, 0, "NamedExec", "MustExec")
	addCtx(sqlx, []string{"DB", "Tx"}, Prepare, 0, "Preparex", "PrepareNamed")
	add(sqlx, []string{"Conn"}, Prepare, 1, "PreparexContext", "PrepareNamedContext")
	addCtx(sqlx, []string{"Stmt", "NamedStmt"}, StmtRun, -1, "Select", "Get", "Queryx", "QueryRowx", "Exec", "MustExec", "Query", "QueryRow")
	addCtx(sqlx, []string{"Tx"}, TxStmt, 0, "Stmtx", "NamedStmt")
	// Package-level helpers take the database as their first argument.
	addCtx(sqlx, []string{""}, Query, 2, "Select", "Get")
	add(sqlx, []string{""}, Query, 1, "NamedQuery")
	add(sqlx, []string{""}, Query, 2, "NamedQueryContext")
	add(sqlx, []string{""}, Exec, 1, "NamedExec", "MustExec")
	add(sqlx, []string{""}, Exec, 2, "NamedExecContext", "MustExecContext")

	// pgx v5 and v4: Conn, pools and transactions (Tx is an interface).
	for _, v := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		pool := v + "/pgxpool"
		for _, p := range []struct {
			pkg   string
			recvs []string
		}{{v, []string{"Conn", "Tx"}}, {pool, []string{"Pool", "Conn", "Tx"}}} {
			add(p.pkg, p.recvs, Query, 1, "Query", "QueryRow", "QueryFunc")
			add(p.pkg, p.recvs, Exec, 1, "Exec")
			add(p.pkg, p.recvs, SendBatch, -1, "SendBatch")
			add(p.pkg, p.recvs, Exec, -1, "CopyFrom")
		}
		add(v, []string{"Conn", "Tx"}, Prepare, 2, "Prepare")
		add(v, []string{"Batch"}, Queue, 0, "Queue")
	}

	// gorm: Raw builds; Exec runs raw SQL; finishers send what the chain built.
	// ScanRows is none: it decodes the current row of a cursor that Rows
	// opened, and sends nothing.
	const gorm = "gorm.io/gorm"
	add(gorm, []string{"DB"}, Builder, 0, "Raw")
	add(gorm, []string{"DB"}, Exec, 0, "Exec")
	add(gorm, []string{"DB"}, Finisher, -1, "Find", "First", "Take", "Last", "Scan", "Count",
		"Pluck", "Row", "Rows", "FirstOrInit", "FindInBatches")
	// Schema changes the ORM computes from models: their SQL is DDL.
	add(gorm, []string{"DB", "Migrator"}, Finisher, -1, "AutoMigrate")
	add(gorm, []string{"Migrator"}, Finisher, -1, "CreateTable", "CreateIndex")
	schema(gorm, []string{"DB", "Migrator"}, "AutoMigrate", "CreateTable", "CreateIndex")
	for _, name := range []string{"Create", "CreateInBatches", "Save", "Update", "Updates",
		"UpdateColumn", "UpdateColumns", "Delete", "FirstOrCreate"} {
		m := &Method{Pkg: gorm, Recv: "DB", Name: name, Role: Finisher, SQLArg: -1, Write: true}
		table[key{gorm, "DB", name}] = m
	}

	// gorm's generic API (v1.30): gorm.G[T](db) starts a chain of
	// interfaces whose model is T; the finishers take the context first
	// and the destination, when any, after it. Raw builds from raw SQL,
	// Exec runs it.
	add(gorm, []string{"Interface"}, Builder, 0, "Raw")
	add(gorm, []string{"Interface"}, Exec, 1, "Exec")
	add(gorm, []string{"ExecInterface"}, Finisher, -1, "Scan", "First", "Last", "Take", "Find", "FindInBatches", "Row", "Rows")
	add(gorm, []string{"CreateInterface", "ChainInterface"}, Finisher, -1, "Count")
	for _, w := range []struct {
		recv  string
		names []string
	}{
		{"CreateInterface", []string{"Create", "CreateInBatches", "Delete", "Update", "Updates"}},
		{"ChainInterface", []string{"Delete", "Update", "Updates"}},
		{"SetCreateOrUpdateInterface", []string{"Create", "Update"}},
		{"SetUpdateOnlyInterface", []string{"Update"}},
	} {
		for _, name := range w.names {
			table[key{gorm, w.recv, name}] = &Method{Pkg: gorm, Recv: w.recv, Name: name, Role: Finisher, SQLArg: -1, Write: true}
		}
	}

	// gorm v1 (github.com/jinzhu/gorm) has the same chain on its DB and
	// the same finishers, but no Migrator: AutoMigrate and CreateTable are
	// DB's. Related(&y) loads y by the foreign key between the chain's
	// model and y's (one SELECT).
	add(GormV1, []string{"DB"}, Builder, 0, "Raw")
	add(GormV1, []string{"DB"}, Exec, 0, "Exec")
	add(GormV1, []string{"DB"}, Finisher, -1, "Find", "First", "Take", "Last", "Scan", "Count",
		"Pluck", "Row", "Rows", "FirstOrInit", "Related", "AutoMigrate", "CreateTable", "AddIndex", "AddUniqueIndex")
	schema(GormV1, []string{"DB"}, "AutoMigrate", "CreateTable", "AddIndex", "AddUniqueIndex")
	for _, name := range []string{"Create", "Save", "Update", "Updates",
		"UpdateColumn", "UpdateColumns", "Delete", "FirstOrCreate"} {
		table[key{GormV1, "DB", name}] = &Method{Pkg: GormV1, Recv: "DB", Name: name, Role: Finisher, SQLArg: -1, Write: true}
	}

	// bun: raw SQL on DB/Tx/Conn/IDB, and query builders' finishers.
	const bun = "github.com/uptrace/bun"
	bunDBs := []string{"DB", "Tx", "Conn", "IDB"}
	add(bun, bunDBs, Query, 1, "QueryContext", "QueryRowContext")
	add(bun, bunDBs, Exec, 1, "ExecContext")
	add(bun, bunDBs, Builder, 0, "NewRaw")
	add(bun, []string{"DB"}, Query, 0, "Query", "QueryRow")
	add(bun, []string{"DB"}, Exec, 0, "Exec")
	add(bun, []string{"SelectQuery"}, Finisher, -1, "Scan", "Count", "ScanAndCount", "Exists", "Rows")
	add(bun, []string{"RawQuery"}, Finisher, -1, "Scan", "Exec")
	add(bun, []string{"SelectQuery"}, Finisher, -1, "Exec")
	add(bun, []string{"CreateTableQuery", "CreateIndexQuery"}, Finisher, -1, "Exec")
	schema(bun, []string{"CreateTableQuery", "CreateIndexQuery"}, "Exec")
	for _, recv := range []string{"InsertQuery", "UpdateQuery", "DeleteQuery", "MergeQuery"} {
		for _, name := range []string{"Exec", "Scan"} {
			table[key{bun, recv, name}] = &Method{Pkg: bun, Recv: recv, Name: name, Role: Finisher, SQLArg: -1, Write: true}
		}
	}

	// gorp: DbMap, Transaction and the SqlExecutor interface both
	// implement run raw SQL; the Select* helpers scan one value or a
	// slice, the package-level ones take the executor first. Insert,
	// Update, Delete and Get build their statement from the table the
	// argument's type is mapped to (AddTableWithName), as an ORM's
	// finisher does. Begin, Commit and Rollback are not sites, as with
	// database/sql. borp, Let's Encrypt's fork, takes a context first in
	// every method (the package-level helpers: the context, then the
	// executor) and spells database/sql's four with Context.
	for _, gorp := range gorpPaths {
		ctx, spell := 0, func(name string) string { return name }
		if gorp == borp {
			ctx, spell = 1, func(name string) string { return name + "Context" }
		}
		handles := []string{"DbMap", "Transaction", "SqlExecutor"}
		add(gorp, handles, Query, ctx, spell("Query"), spell("QueryRow"), "SelectInt", "SelectNullInt",
			"SelectFloat", "SelectNullFloat", "SelectStr", "SelectNullStr")
		add(gorp, handles, Query, ctx+1, "Select", "SelectOne")
		add(gorp, handles, Exec, ctx, spell("Exec"))
		add(gorp, []string{"DbMap", "Transaction"}, Prepare, ctx, spell("Prepare"))
		add(gorp, []string{""}, Query, ctx+1, "SelectInt", "SelectNullInt", "SelectFloat",
			"SelectNullFloat", "SelectStr", "SelectNullStr")
		add(gorp, []string{""}, Query, ctx+3, "SelectOne") // SelectOne([ctx,] m, e, holder, query, args...)
		add(gorp, handles, Finisher, -1, "Get")
		for _, name := range []string{"Insert", "Update", "UpdateColumns", "Delete"} {
			for _, recv := range handles {
				table[key{gorp, recv, name}] = &Method{Pkg: gorp, Recv: recv, Name: name, Role: Finisher, SQLArg: -1, Write: true}
			}
		}
	}

	// Query builders: squirrel's builders run what they build once given
	// a runner (RunWith(db).Query()); dbx's queries run when finished,
	// and NewQuery starts one from raw SQL, as gorm's Raw does.
	for recv := range squirrelBuilders {
		write := recv != "SelectBuilder"
		for _, name := range []string{"Exec", "Query", "QueryRow", "Scan", "ExecContext", "QueryContext", "QueryRowContext", "ScanContext"} {
			table[key{squirrel, recv, name}] = &Method{Pkg: squirrel, Recv: recv, Name: name, Role: Finisher, SQLArg: -1, Write: write}
		}
	}
	// go-zero: sqlx's Session (which its SqlConn embeds, and a
	// transaction's session implements) runs raw SQL, each method with a
	// "Ctx" twin taking a context first; the rows are scanned into the
	// argument before the SQL. sqlc's CachedConn runs the same for its
	// NoCache methods; its cached ones (QueryRowCtx(ctx, v, key, fn),
	// ExecCtx(ctx, fn, keys...)) hand the module's own closure the
	// connection, whose calls are the sites.
	zero := func(pkg, recv, name string, role Role, sqlArg int) {
		table[key{pkg, recv, name}] = &Method{Pkg: pkg, Recv: recv, Name: name, Role: role, SQLArg: sqlArg}
	}
	for _, m := range []struct {
		name string
		role Role
		sql  int // the SQL's argument in the context-less form
	}{
		{"Exec", Exec, 0}, {"Prepare", Prepare, 0},
		{"QueryRow", Query, 1}, {"QueryRowPartial", Query, 1}, {"QueryRows", Query, 1}, {"QueryRowsPartial", Query, 1},
	} {
		zero(GoZeroSQLX, "Session", m.name, m.role, m.sql)
		zero(GoZeroSQLX, "Session", m.name+"Ctx", m.role, m.sql+1)
		if m.role == Prepare {
			continue
		}
		zero(GoZeroSQLC, "CachedConn", m.name+"NoCache", m.role, m.sql)
		zero(GoZeroSQLC, "CachedConn", m.name+"NoCacheCtx", m.role, m.sql+1)
		zero(GoZeroSQLX, "StmtSession", m.name, StmtRun, -1)
		zero(GoZeroSQLX, "StmtSession", m.name+"Ctx", StmtRun, -1)
	}

	// goose reads the applied versions (its table, by default
	// goose_db_version, newest first) to say which the database is at:
	// services call it from readiness checks, once per probe.
	for _, goose := range []string{"github.com/pressly/goose/v3", "github.com/pressly/goose"} {
		for _, name := range []string{"GetDBVersion", "GetDBVersionContext"} {
			table[key{goose, "", name}] = &Method{Pkg: goose, Name: name, Role: Query, SQLArg: -1,
				SQL: "SELECT version_id, is_applied FROM goose_db_version ORDER BY id DESC"}
		}
	}

	// xorm: every method of an Engine starts a Session, whose methods add
	// to one statement until a finisher sends it (and resets it). SQL(q)
	// starts from raw SQL, as gorm's Raw does; Exec and the Query* family
	// run raw SQL given first. Sync and CreateTables send the DDL of the
	// models they are given. Begin, Commit and Transaction are not sites.
	xormRecvs := []string{"Engine", "Session", "Interface", "EngineInterface"}
	add(xorm, xormRecvs, Builder, 0, "SQL", "Sql") // Sql: go-xorm's deprecated spelling
	add(xorm, xormRecvs, Exec, 0, "Exec")
	add(xorm, xormRecvs, Query, 0, "Query", "QueryString", "QueryInterface", "QuerySliceString")
	add(xorm, xormRecvs, Finisher, -1, "Get", "Find", "Count", "Exist", "Iterate", "Rows",
		"FindAndCount", "Sum", "Sums", "SumInt", "SumsInt", "Sync", "Sync2", "CreateTables", "CreateIndexes", "CreateUniques")
	for _, name := range []string{"Insert", "InsertOne", "InsertMulti", "Update", "Delete"} {
		for _, recv := range xormRecvs {
			table[key{xorm, recv, name}] = &Method{Pkg: xorm, Recv: recv, Name: name, Role: Finisher, SQLArg: -1, Write: true}
		}
	}

	add(dbx, []string{"Builder"}, Builder, 0, "NewQuery")
	add(dbx, []string{"Query", "SelectQuery"}, Finisher, -1, "All", "One", "Row", "Rows", "Column")
	add(dbx, []string{"Query"}, Finisher, -1, "Execute")

	// goqu: a dataset's Scan*, Count and Pluck send the SELECT it
	// builds; Executor() hands any dataset's statement to a
	// QueryExecutor, whose methods send it. A Database or TxDatabase
	// also runs raw SQL (what a dataset's ToSQL returned), as
	// database/sql's handles do, and its Scan* take the destination
	// first.
	for _, name := range []string{"ScanStructs", "ScanStruct", "ScanVals", "ScanVal", "Count", "Pluck"} {
		add(Goqu, []string{"SelectDataset"}, Finisher, -1, name, name+"Context")
	}
	for _, name := range []string{"Exec", "Query", "ScanStructs", "ScanStruct", "ScanVals", "ScanVal", "Scanner"} {
		add(goquExec, []string{"QueryExecutor"}, Finisher, -1, name, name+"Context")
	}
	goquDBs := []string{"Database", "TxDatabase"}
	addCtx(Goqu, goquDBs, Query, 0, "Query", "QueryRow")
	addCtx(Goqu, goquDBs, Exec, 0, "Exec")
	addCtx(Goqu, goquDBs, Prepare, 0, "Prepare")
	addCtx(Goqu, goquDBs, Query, 1, "ScanStructs", "ScanStruct", "ScanVals", "ScanVal")

	// gorm.io/gen: the query objects it generates into the program embed
	// a DO (which the Dao interface stands for) and hand their finishers
	// on to it: what they send, gorm builds from the DO's chain.
	genDOs := []string{"DO", "Dao"}
	finishers("gorm.io/gen", genDOs, "gorm/gen", false, "First", "Take", "Last", "Find", "FindInBatch", "FindInBatches", "FirstOrInit", "Count", "Row", "Rows", "Scan", "Pluck")
	finishers("gorm.io/gen", genDOs, "gorm/gen", true, "Create", "CreateInBatches", "Save", "FirstOrCreate", "Update", "UpdateSimple", "Updates", "UpdateColumn", "UpdateColumnSimple", "UpdateColumns", "Delete")

	// go-jet (v2, v1): every statement's interface (a dialect's
	// SelectStatement, InsertStatement...) embeds jet's Statement, whose
	// Query, Exec and Rows send the SQL it builds.
	for _, goJet := range goJets {
		finishers(goJet, []string{"Statement"}, "go-jet", false, "Query", "QueryContext", "Rows")
		finishers(goJet, []string{"Statement"}, "go-jet", true, "Exec", "ExecContext")
	}

	// upper/db (v4): a session's collections (Find starts a result set),
	// its SQL builder (Select, Update... up to what the interfaces the
	// builders embed declare: SQLGetter, SQLExecer, ResultMapper) and raw
	// SQL on its SQL(). A result set's Next reads the cursor its query
	// opened: no round trip of its own.
	const upper = "github.com/upper/db/v4"
	addCtx(upper, []string{"SQL"}, Exec, 0, "Exec")
	addCtx(upper, []string{"SQL"}, Query, 0, "Query", "QueryRow", "Iterator")
	addCtx(upper, []string{"SQL"}, Prepare, 0, "Prepare")
	reads := func(recv string, names ...string) { finishers(upper, []string{recv}, "upper/db", false, names...) }
	writes := func(recv string, names ...string) { finishers(upper, []string{recv}, "upper/db", true, names...) }
	reads("Session", "Get")
	writes("Session", "Save", "Delete")
	reads("Collection", "Count", "Exists")
	writes("Collection", "Insert", "InsertReturning", "UpdateReturning", "Truncate")
	reads("Result", "One", "All", "Count", "Exists", "TotalPages", "TotalEntries")
	writes("Result", "Update", "Delete")
	reads("Selector", "Iterator", "IteratorContext")
	reads("Paginator", "TotalPages", "TotalEntries", "Iterator", "IteratorContext")
	writes("Inserter", "Iterator", "IteratorContext")
	reads("ResultMapper", "One", "All")
	reads("SQLGetter", "Query", "QueryContext", "QueryRow", "QueryRowContext")
	writes("SQLExecer", "Exec", "ExecContext")

	// go-pg (v9, v10), bun's predecessor: raw SQL on a DB (v10 declares
	// its methods on the baseDB it embeds, as a Conn's), a Tx or the
	// orm.DB interface, the SQL after the model Query and QueryOne scan
	// into; a model's Query (pg.Query is orm.Query) built by Model and
	// sent by its finishers; a prepared Stmt.
	for _, v := range []string{"v9", "v10"} {
		pg, orm := "github.com/go-pg/pg/"+v, "github.com/go-pg/pg/"+v+"/orm"
		handles := []string{"baseDB", "Tx", "DB", "DBI"}
		for _, h := range []struct {
			pkg   string
			recvs []string
		}{{pg, handles}, {orm, []string{"DB"}}} {
			addCtx(h.pkg, h.recvs, Exec, 0, "Exec", "ExecOne")
			addCtx(h.pkg, h.recvs, Query, 1, "Query", "QueryOne")
			add(h.pkg, h.recvs, Prepare, 0, "Prepare")
			add(h.pkg, h.recvs, Exec, 1, "CopyFrom")
			add(h.pkg, h.recvs, Query, 1, "CopyTo")
		}
		addCtx(pg, []string{"Stmt"}, StmtRun, -1, "Exec", "ExecOne", "Query", "QueryOne")
		finishers(orm, []string{"Query"}, "", false, "Select", "SelectAndCount", "SelectAndCountEstimate", "ForEach", "Count", "CountEstimate", "First", "Last", "Exists", "SelectOrInsert")
		finishers(orm, []string{"Query"}, "", true, "Insert", "Update", "UpdateNotZero", "Delete", "ForceDelete", "CreateTable", "DropTable", "CreateComposite", "DropComposite")
		schema(orm, []string{"Query"}, "CreateTable", "DropTable", "CreateComposite", "DropComposite")
	}

	// sqlboiler: the models it generates into the program build a
	// queries.Query (the table, and what the query mods add) and send it
	// with the Query's methods: Bind reads the rows into a model or a
	// slice (a model's One and All), Query and QueryRow read (Count,
	// Exists), Exec writes (UpdateAll, DeleteAll); queries.Raw starts
	// one from raw SQL. A model's Insert, Update and Delete run their SQL
	// through the executor they are handed (boil's, with database/sql's
	// methods), as the program's own calls do.
	for _, pkg := range sqlboilerQueries {
		finishers(pkg, []string{"Query"}, "", false, "Bind", "BindP", "BindG", "Query", "QueryP", "QueryContext", "QueryRow", "QueryRowP", "QueryRowContext")
		finishers(pkg, []string{"Query"}, "", true, "Exec", "ExecP", "ExecContext")
		add(pkg, []string{""}, Builder, 0, "Raw", "RawG")
	}

	// beego's ORM (v2's client/orm, v1's astaxie/beego/orm): an Ormer
	// reads and writes a model's row by its key (Read, Insert, Update,
	// Delete...), QueryTable starts a QuerySeter whose finishers (All,
	// One, Count, Update...) send what its Filter, OrderBy and Limit
	// built, and Raw starts a RawSeter from raw SQL, as gorm's Raw does,
	// sent by Exec, QueryRow, QueryRows and the Values family. v2 splits
	// the Ormer's methods into DQL and DML, each with a WithCtx twin
	// taking the context first. Begin, Commit and Rollback are not sites.
	for _, b := range []struct {
		pkg      string
		dql, dml string
		ctxTwins bool
	}{{BeegoORM, "DQL", "DML", true}, {BeegoORMV1, "Ormer", "Ormer", false}} {
		twins := func(names ...string) []string {
			if !b.ctxTwins {
				return names
			}
			out := names
			for _, n := range names {
				out = append(out, n+"WithCtx")
			}
			return out
		}
		finish := func(recv string, write bool, names ...string) {
			for _, name := range twins(names...) {
				table[key{b.pkg, recv, name}] = &Method{Pkg: b.pkg, Recv: recv, Name: name, Role: Finisher, SQLArg: -1, Write: write}
			}
		}
		finish(b.dql, false, "Read", "ReadForUpdate", "ReadOrCreate", "LoadRelated")
		finish(b.dml, true, "Insert", "InsertOrUpdate", "InsertMulti", "Update", "Delete")
		add(b.pkg, []string{b.dml}, Builder, 0, "Raw")
		if b.ctxTwins {
			add(b.pkg, []string{b.dml}, Builder, 1, "RawWithCtx")
		}
		finish("QuerySeter", false, "Count", "Exist", "All", "One", "Values", "ValuesList", "ValuesFlat")
		finish("QuerySeter", false, "RowsToMap", "RowsToStruct") // no WithCtx twins; harmless if absent
		finish("QuerySeter", true, "Update", "Delete")
		finish("QueryM2Mer", false, "Exist", "Count")
		finish("QueryM2Mer", true, "Add", "Remove", "Clear")
		finish("Inserter", true, "Insert")
		for _, name := range []string{"Exec", "QueryRow", "QueryRows", "Values", "ValuesList", "ValuesFlat", "RowsToMap", "RowsToStruct"} {
			table[key{b.pkg, "RawSeter", name}] = &Method{Pkg: b.pkg, Recv: "RawSeter", Name: name, Role: Finisher, SQLArg: -1, Write: name == "Exec"}
		}
		table[key{b.pkg, "RawPreparer", "Exec"}] = &Method{Pkg: b.pkg, Recv: "RawPreparer", Name: "Exec", Role: Finisher, SQLArg: -1, Write: true}
	}

	// pocketbase: the App (an interface, and the BaseApp implementing it;
	// before v0.23 the Dao) finds a collection's records and saves or
	// deletes one, each a statement pocketbase builds from the
	// collection's schema at run time. RecordQuery starts a dbx query,
	// read as dbx's.
	pbReads := []string{"FindRecordById", "FindRecordsByIds", "FindAllRecords", "FindFirstRecordByData",
		"FindRecordsByFilter", "FindFirstRecordByFilter", "CountRecords", "FindAuthRecordByEmail",
		"FindAuthRecordByToken", "FindRecordByViewFile", "FindCollectionByNameOrId", "FindAllCollections",
		"ExpandRecord", "ExpandRecords", "FindAllExternalAuthsByRecord", "FindFirstExternalAuthByExpr",
		"FindAllMFAsByRecord", "FindAllOTPsByRecord", "FindAllAuthOriginsByRecord", "FindAuthOriginById"}
	pbWrites := []string{"Save", "SaveNoValidate", "SaveWithContext", "SaveNoValidateWithContext",
		"Delete", "DeleteWithContext", "SaveRecord", "DeleteRecord", "SaveCollection", "DeleteCollection",
		"DeleteAllMFAsByRecord", "DeleteAllOTPsByRecord", "DeleteAllAuthOriginsByRecord", "DeleteExpiredMFAs",
		"DeleteExpiredOTPs", "TruncateCollection"}
	for _, pb := range []struct{ pkg, recv string }{{PocketBaseCore, "App"}, {PocketBaseCore, "BaseApp"}, {pocketBaseDaos, "Dao"}} {
		for _, name := range pbReads {
			table[key{pb.pkg, pb.recv, name}] = &Method{Pkg: pb.pkg, Recv: pb.recv, Name: name, Role: Finisher, SQLArg: -1}
		}
		for _, name := range pbWrites {
			table[key{pb.pkg, pb.recv, name}] = &Method{Pkg: pb.pkg, Recv: pb.recv, Name: name, Role: Finisher, SQLArg: -1, Write: true}
		}
	}

	fillGdb()
}

// fillGdb registers GoFrame's gdb (v2, and v1 of github.com/gogf/gf).
// A Model (db.Model("users"), g.Model(...), a generated dao's
// dao.User.Ctx(ctx)) builds a statement its finishers send: All, One,
// Scan, Value, Count... read, Insert, Update, Delete, Save write. The DB
// and TX handles also run raw SQL (Query, Exec, GetAll, GetScan...),
// v2's DB taking the context first, TX (bound to its own) not; their
// Insert, Update and Delete take the table by name. Raw starts a Model
// from raw SQL, as gorm's Raw does. Transaction, Begin, Ctx are not
// sites.
func fillGdb() {
	for _, g := range []struct {
		pkg string
		ctx int // the DB's SQL argument, after a context in v2
	}{{GdbV2, 1}, {GdbV1, 0}} {
		finishers(g.pkg, []string{"Model"}, "", false, "All", "AllAndCount", "One", "Array", "Value", "Scan",
			"ScanAndCount", "ScanList", "Count", "CountColumn", "Min", "Max", "Avg", "Sum", "Exist", "Chunk",
			"FindAll", "FindOne", "FindValue", "FindArray", "FindCount", "FindScan", "Struct", "Structs") // Find*, Struct*: v1's
		finishers(g.pkg, []string{"Model"}, "", true, "Insert", "InsertAndGetId", "InsertIgnore", "Replace", "Save",
			"Update", "UpdateAndGetAffected", "Increment", "Decrement", "Delete")
		handles := []string{"DB", "Core"}
		add(g.pkg, append(handles, "TX", "TXCore", "Model"), Builder, 0, "Raw")
		add(g.pkg, handles, Query, g.ctx, "Query", "GetAll", "GetOne", "GetValue", "GetArray", "GetCount")
		add(g.pkg, handles, Query, g.ctx+1, "GetScan", "GetStruct", "GetStructs")
		add(g.pkg, handles, Exec, g.ctx, "Exec")
		add(g.pkg, handles, Prepare, g.ctx, "Prepare")
		txs := []string{"TX", "TXCore"}
		add(g.pkg, txs, Query, 0, "Query", "GetAll", "GetOne", "GetValue", "GetArray", "GetCount")
		add(g.pkg, txs, Query, 1, "GetScan", "GetStruct", "GetStructs")
		add(g.pkg, txs, Exec, 0, "Exec")
		add(g.pkg, txs, Prepare, 0, "Prepare")
		finishers(g.pkg, append(handles, txs...), "", true, "Insert", "InsertIgnore", "InsertAndGetId", "Replace", "Save",
			"Update", "Delete", "BatchInsert", "BatchReplace", "BatchSave") // Batch*: v1's
	}
}

// gdbHandles are gdb's handles, whose gdbStarts start a Model.
var (
	gdbHandles = map[string]bool{"DB": true, "Core": true, "TX": true, "TXCore": true}
	gdbStarts  = map[string]bool{"Model": true, "Raw": true, "With": true, "Union": true, "UnionAll": true}
)

// GdbV2 and GdbV1 are the import paths of GoFrame's gdb, v2 and v1;
// gfFrame and gfFrameV1 those of its shortcuts (g.Model, g.DB).
const (
	GdbV2     = "github.com/gogf/gf/v2/database/gdb"
	GdbV1     = "github.com/gogf/gf/database/gdb"
	gfFrame   = "github.com/gogf/gf/v2/frame/g"
	gfFrameV1 = "github.com/gogf/gf/frame/g"
)

// IsGdb reports whether path is gdb's, or that of GoFrame's shortcuts
// starting a gdb Model (g.Model).
func IsGdb(path string) bool {
	return path == GdbV2 || path == GdbV1 || path == gfFrame || path == gfFrameV1
}

// PocketBaseCore is the import path of pocketbase's core package, whose
// App finds and saves records; pocketBaseDaos that of the Dao that did
// before v0.23.
const (
	PocketBaseCore = "github.com/pocketbase/pocketbase/core"
	pocketBaseDaos = "github.com/pocketbase/pocketbase/daos"
)

// BeegoORM and BeegoORMV1 are the import paths of beego's ORM, v2 and v1.
const (
	BeegoORM   = "github.com/beego/beego/v2/client/orm"
	BeegoORMV1 = "github.com/astaxie/beego/orm"
)

// GormV1 is gorm v1's import path; v2 is gorm.io/gorm.
const GormV1 = "github.com/jinzhu/gorm"

// go-zero's raw SQL packages (see fillTable).
const (
	GoZeroSQLX = "github.com/zeromicro/go-zero/core/stores/sqlx"
	GoZeroSQLC = "github.com/zeromicro/go-zero/core/stores/sqlc"
)

const (
	squirrel = "github.com/Masterminds/squirrel"
	dbx      = "github.com/pocketbase/dbx"
	xorm     = "xorm.io/xorm"
)

// xormForks maps the import paths of xorm's API-compatible forks and
// former homes to xorm.io's: their Engine, Session, builder conditions
// and tags are xorm's, read the same way. github.com/xorm-io is a fork of
// xorm v1.1 (Get and Delete take one bean, OrderBy a string: the
// calls read alike); github.com/go-xorm is xorm before its move to
// xorm.io (v0.7, same statement API). A fork whose API drifts belongs
// here only once the drift is handled.
var xormForks = map[string]string{
	"github.com/xorm-io/xorm":    xorm,
	"github.com/xorm-io/builder": XormBuilder,
	"github.com/go-xorm/xorm":    xorm,
	"github.com/go-xorm/builder": XormBuilder,
}

// XormBuilder is the import path of xorm's condition builder.
const XormBuilder = "xorm.io/builder"

// Goqu is the import path of goqu v9; goquExp holds its expressions
// (Ex, Op, Record), goquExec its QueryExecutor.
const (
	Goqu     = "github.com/doug-martin/goqu/v9"
	GoquExp  = Goqu + "/exp"
	goquExec = Goqu + "/exec"
)

// goquV8 maps goqu v8's packages to v9's: v8 has the same datasets,
// expressions and executor under the same names (v9 changed the
// dialect registry and error values, not the builder API).
var goquV8 = map[string]string{
	"github.com/doug-martin/goqu/v8":      Goqu,
	"github.com/doug-martin/goqu/v8/exp":  GoquExp,
	"github.com/doug-martin/goqu/v8/exec": goquExec,
}

// Canonical is the import path of the package path stands for: the
// xorm.io path of a package of one of xorm's forks, goqu v9's for
// goqu v8's, path itself for any other. Compare package paths through
// it.
func Canonical(path string) string {
	if c, ok := xormForks[path]; ok {
		return c
	}
	if c, ok := goquV8[path]; ok {
		return c
	}
	return path
}

// xormHandles are xorm's types whose methods add to a session's
// statement; xormEngines start a new session with each call.
var (
	xormHandles = map[string]bool{"Engine": true, "EngineGroup": true, "Session": true, "Interface": true, "EngineInterface": true}
	xormEngines = map[string]bool{"Engine": true, "EngineGroup": true}
)

// gorpPaths are the import paths gorp has been published under.
var gorpPaths = []string{"github.com/go-gorp/gorp/v3", "github.com/go-gorp/gorp", "gopkg.in/gorp.v2", "gopkg.in/gorp.v1", borp}

// goJets are the import paths of go-jet's package declaring Statement:
// v2's, v1's.
var goJets = []string{"github.com/go-jet/jet/v2/internal/jet", "github.com/go-jet/jet/internal/jet"}

// sqlboilerQueries are the import paths of sqlboiler's queries package:
// v3's, v4's, v4's new home, and a fork's.
var sqlboilerQueries = []string{
	"github.com/volatiletech/sqlboiler/queries",
	"github.com/volatiletech/sqlboiler/v4/queries",
	"github.com/aarondl/sqlboiler/v4/queries",
	"github.com/thrasher-corp/sqlboiler/queries",
}

// borp is Let's Encrypt's fork of gorp: the same mapping of types to
// tables, every method taking a context first.
const borp = "github.com/letsencrypt/borp"

// IsGorp reports whether path is one of gorp's import paths.
func IsGorp(path string) bool { return slices.Contains(gorpPaths, path) }

// squirrelBuilders are squirrel's statement types (values, not
// pointers: each call returns a new builder).
var squirrelBuilders = map[string]bool{"SelectBuilder": true, "InsertBuilder": true, "UpdateBuilder": true, "DeleteBuilder": true}

// squirrelStarts are squirrel's functions that start a statement,
// package-level or on a StatementBuilderType.
var squirrelStarts = map[string]bool{"Select": true, "Insert": true, "Replace": true, "Update": true, "Delete": true}

// dbxStarts are the methods of dbx's Builder (embedded in DB and Tx)
// that start a statement.
var dbxStarts = map[string]bool{"NewQuery": true, "Select": true, "Insert": true, "Upsert": true, "Update": true, "Delete": true}

// goquDatasets are goqu's statement types (pointers: each call returns
// a copy, as squirrel's values do); goquHandles start a statement with
// goquStarts (the package's own functions too: goqu.From("users")).
var (
	goquDatasets = map[string]bool{"SelectDataset": true, "InsertDataset": true, "UpdateDataset": true, "DeleteDataset": true}
	goquHandles  = map[string]bool{"": true, "DialectWrapper": true, "Database": true, "TxDatabase": true}
	goquStarts   = map[string]bool{"From": true, "Select": true, "Insert": true, "Update": true, "Delete": true}
)

// bunBuilders are bun's query types, whose methods add to a statement;
// bunHandles are the handles whose New* methods start one.
var (
	// gormGeneric are the interfaces of gorm's generic API: gorm.G[T](db)
	// answers an Interface[T], and each call of the chain one of these.
	gormGeneric = map[string]bool{"Interface": true, "CreateInterface": true, "ChainInterface": true,
		"ExecInterface": true, "SetCreateOrUpdateInterface": true, "SetUpdateOnlyInterface": true}
	bunBuilders = map[string]bool{"SelectQuery": true, "InsertQuery": true, "UpdateQuery": true, "DeleteQuery": true,
		"MergeQuery": true, "RawQuery": true, "CreateTableQuery": true, "CreateIndexQuery": true, "DropTableQuery": true,
		"DropIndexQuery": true, "TruncateTableQuery": true, "AddColumnQuery": true, "DropColumnQuery": true, "ValuesQuery": true}
	bunHandles = map[string]bool{"DB": true, "Tx": true, "Conn": true, "IDB": true}
)

// ORMChain says which ORM's statement fn adds to, for the calls of an
// ORM chain: "gorm" for a method of gorm's DB (Where, Model, Order...),
// "bun" for a method of a bun query builder or a New* method of a bun
// handle, "xorm" for a method of xorm's Engine or Session; "" for
// anything else. With its finisher (Find, Scan, Exec)
// such a chain is one statement, which the queries pass rebuilds.
func ORMChain(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if entChain(fn) {
		return "ent"
	}
	recv := recvName(fn)
	if IsPop(fn.Pkg().Path()) && popChain(fn, recv) {
		return "pop"
	}
	switch Canonical(fn.Pkg().Path()) {
	case "gorm.io/gorm", GormV1:
		if recv == "DB" || gormGeneric[recv] || recv == "" && fn.Name() == "G" {
			return "gorm"
		}
	case "github.com/uptrace/bun":
		if bunBuilders[recv] || bunHandles[recv] && strings.HasPrefix(fn.Name(), "New") {
			return "bun"
		}
	case squirrel:
		if squirrelBuilders[recv] || (recv == "" || recv == "StatementBuilderType") && squirrelStarts[fn.Name()] {
			return "squirrel"
		}
	case dbx:
		if recv == "Query" || recv == "SelectQuery" || recv == "Builder" && dbxStarts[fn.Name()] {
			return "dbx"
		}
	case xorm:
		if xormHandles[recv] {
			return "xorm"
		}
	case Goqu:
		if goquDatasets[recv] || goquHandles[recv] && goquStarts[fn.Name()] {
			return "goqu"
		}
	case GdbV2, GdbV1:
		if recv == "Model" || gdbHandles[recv] && gdbStarts[fn.Name()] {
			return "gdb"
		}
	case gfFrame, gfFrameV1:
		if recv == "" && fn.Name() == "Model" {
			return "gdb" // g.Model("users"): a Model of the default database
		}
	case goquExec:
		if recv == "QueryExecutor" {
			return "goqu"
		}
	}
	return ""
}

// ORMStart reports whether fn, a call of an ORM chain, starts a
// statement when called on a handle rather than on a chain: bun's
// db.NewSelect(), squirrel's sq.Select(...), dbx's db.Select(...).
func ORMStart(fn *types.Func) bool {
	switch ORMChain(fn) {
	case "gorm":
		return fn.Name() == "G" && recvName(fn) == "" // gorm.G[T](db)
	case "bun":
		return strings.HasPrefix(fn.Name(), "New")
	case "squirrel":
		r := recvName(fn)
		return r == "" || r == "StatementBuilderType"
	case "dbx":
		return recvName(fn) == "Builder"
	case "xorm":
		return xormEngines[recvName(fn)] // engine.Where(...) makes a new session
	case "goqu":
		return goquHandles[recvName(fn)] // goqu.From(...), db.From(...), dialect.Insert(...)
	case "ent":
		return entStart(fn) // client.User.Query(), u.QueryPosts()
	case "gdb":
		r := recvName(fn)
		return gdbHandles[r] || r == "" // db.Model("users"), tx.Model(...), g.Model(...)
	}
	return false
}

// ORMType says which ORM's chain a value of type t continues: *gorm.DB,
// a pointer to a bun query builder or a dbx query, a squirrel builder,
// *xorm.Session; "" otherwise.
func ORMType(t types.Type) string {
	if kind, _ := EntKind(t); entBuilder(kind) && kind != EntSelector {
		return "ent"
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == squirrel && squirrelBuilders[n.Obj().Name()] {
		return "squirrel"
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && Canonical(n.Obj().Pkg().Path()) == goquExec && n.Obj().Name() == "QueryExecutor" {
		return "goqu" // ds.Executor(), a value
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "gorm.io/gorm" && gormGeneric[n.Obj().Name()] {
		return "gorm" // a chain of the generic API, an interface value
	}
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	switch path, name := Canonical(n.Obj().Pkg().Path()), n.Obj().Name(); {
	case (path == "gorm.io/gorm" || path == GormV1) && name == "DB":
		return "gorm"
	case path == "github.com/uptrace/bun" && bunBuilders[name]:
		return "bun"
	case path == dbx && (name == "Query" || name == "SelectQuery"):
		return "dbx"
	case path == xorm && name == "Session":
		return "xorm"
	case IsPop(path) && name == "Query":
		return "pop" // a Connection is a handle (IsPopHandle)
	case path == Goqu && goquDatasets[name]:
		return "goqu"
	case (path == GdbV2 || path == GdbV1) && name == "Model":
		return "gdb"
	}
	return ""
}

// Lookup returns the table entry for fn, or nil when fn is not a known
// database API. Methods are keyed by their receiver's named type, so a
// method promoted through embedding (sqlx.DB embeds sql.DB) resolves to
// the embedded type's entry, and an interface method (pgx.Tx) to its
// interface's.
func Lookup(fn *types.Func) *Method {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if m := methods()[key{Canonical(fn.Pkg().Path()), recvName(fn), fn.Name()}]; m != nil {
		return m
	}
	return entMethod(fn)
}

// Implementers lists the known concrete database handles (package path and
// type name) whose method sets a user-declared interface such as sqlc's
// DBTX can stand for. Each has query methods in the table.
var Implementers = []struct{ Pkg, Name string }{
	{"database/sql", "DB"}, {"database/sql", "Tx"}, {"database/sql", "Conn"},
	{"github.com/jmoiron/sqlx", "DB"}, {"github.com/jmoiron/sqlx", "Tx"},
	{"github.com/jackc/pgx/v5", "Conn"}, {"github.com/jackc/pgx/v5/pgxpool", "Pool"},
	{"github.com/jackc/pgx/v5/pgxpool", "Conn"}, {"github.com/jackc/pgx/v5/pgxpool", "Tx"},
	{"github.com/jackc/pgx/v4", "Conn"}, {"github.com/jackc/pgx/v4/pgxpool", "Pool"},
	{"github.com/jackc/pgx/v4/pgxpool", "Conn"}, {"github.com/jackc/pgx/v4/pgxpool", "Tx"},
	{"github.com/uptrace/bun", "DB"}, {"github.com/uptrace/bun", "Tx"},
	{"github.com/go-gorp/gorp/v3", "DbMap"}, {"github.com/go-gorp/gorp/v3", "Transaction"},
}

// Packages lists the import paths whose presence among a package's
// (transitive) imports means it may issue queries.
var Packages = slices.Concat([]string{
	"database/sql", "github.com/jmoiron/sqlx",
	"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4",
	"gorm.io/gorm", GormV1, "github.com/uptrace/bun", squirrel, dbx, xorm,
	Goqu, "github.com/doug-martin/goqu/v8", PocketBaseCore, pocketBaseDaos,
	GoZeroSQLX, GoZeroSQLC, GdbV2, GdbV1,
	"gorm.io/gen", "github.com/upper/db/v4", "github.com/go-pg/pg/v9", "github.com/go-pg/pg/v9/orm", "github.com/go-pg/pg/v10", "github.com/go-pg/pg/v10/orm",
}, gorpPaths, sqlboilerQueries, goJets, xormForkPaths())

// xormForkPaths are the paths of xorm's forks' statement packages.
func xormForkPaths() []string {
	var paths []string
	for p, c := range xormForks {
		if c == xorm {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}

// RecvName is the name of fn's receiver's named type ("" for a function).
func RecvName(fn *types.Func) string { return recvName(fn) }

// recvName is the name of fn's receiver's named type ("" for a function).
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj().Name()
	}
	return ""
}

// IsRows reports whether t is a result set that is iterated with Next:
// *sql.Rows, *sqlx.Rows, pgx.Rows (v4 and v5), bun's and gorm's use of
// *sql.Rows. A loop over rows.Next() holds a connection for its duration.
func IsRows(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "database/sql.Rows", "github.com/jmoiron/sqlx.Rows",
		"github.com/jackc/pgx/v5.Rows", "github.com/jackc/pgx/v4.Rows":
		return true
	}
	return false
}

// IsStmt reports whether t is a prepared statement (*sql.Stmt,
// *sqlx.Stmt, *sqlx.NamedStmt): a value whose methods run the SQL it was
// prepared from, so that the SQL travels with the value.
func IsStmt(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	m := methods()[key{n.Obj().Pkg().Path(), n.Obj().Name(), "Exec"}]
	return m != nil && m.Role == StmtRun
}
