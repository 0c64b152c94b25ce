package sqlparse

import (
	"strings"
	"unicode"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// command names a statement the analyzer does not walk as a query. The
// node types whose name does not spell the command are listed; the others
// are spelled from their type name (CreateFunctionStmt: CREATE FUNCTION),
// so the parser's two hundred statement types need no table of their own.
func command(m proto.Message) string {
	switch x := m.(type) {
	case *pg.CreateStmt:
		return "CREATE TABLE"
	case *pg.IndexStmt:
		return "CREATE INDEX"
	case *pg.ViewStmt:
		return "CREATE VIEW"
	case *pg.CreateTableAsStmt:
		// CREATE TABLE AS is reported as CREATE TABLE, CREATE MATERIALIZED
		// VIEW as itself: both share this node.
		return "CREATE " + objectName(x.Objtype)
	case *pg.AlterTableStmt:
		return "ALTER " + objectName(x.Objtype)
	case *pg.RenameStmt:
		// ALTER TABLE t RENAME COLUMN has RenameType COLUMN; objectName
		// maps it back to the TABLE the user altered.
		return "ALTER " + objectName(x.RenameType)
	case *pg.AlterObjectSchemaStmt:
		return "ALTER " + objectName(x.ObjectType)
	case *pg.AlterOwnerStmt:
		return "ALTER " + objectName(x.ObjectType)
	case *pg.DropStmt:
		return "DROP " + objectName(x.RemoveType)
	case *pg.DefineStmt:
		// CREATE AGGREGATE, OPERATOR, TYPE ... AS (...), COLLATION
		return "CREATE " + objectName(x.Kind)
	case *pg.CompositeTypeStmt, *pg.CreateEnumStmt, *pg.CreateRangeStmt:
		return "CREATE TYPE"
	case *pg.AlterEnumStmt:
		return "ALTER TYPE"
	case *pg.CreateTrigStmt:
		return "CREATE TRIGGER"
	case *pg.CreateSeqStmt:
		return "CREATE SEQUENCE"
	case *pg.AlterSeqStmt:
		return "ALTER SEQUENCE"
	case *pg.CreatedbStmt:
		return "CREATE DATABASE"
	case *pg.DropdbStmt:
		return "DROP DATABASE"
	case *pg.GrantStmt:
		if x.IsGrant {
			return "GRANT"
		}
		return "REVOKE"
	case *pg.GrantRoleStmt: // GRANT role TO user
		if x.IsGrant {
			return "GRANT"
		}
		return "REVOKE"
	case *pg.RefreshMatViewStmt:
		return "REFRESH MATERIALIZED VIEW"
	case *pg.RuleStmt:
		return "CREATE RULE"
	case *pg.SecLabelStmt:
		return "SECURITY LABEL"
	case *pg.TransactionStmt:
		return transactionCommand(x.Kind)
	case *pg.VariableSetStmt:
		if x.Kind == pg.VariableSetKind_VAR_RESET || x.Kind == pg.VariableSetKind_VAR_RESET_ALL {
			return "RESET"
		}
		return "SET"
	case *pg.VacuumStmt:
		if x.IsVacuumcmd {
			return "VACUUM"
		}
		return "ANALYZE"
	case *pg.DeclareCursorStmt:
		return "DECLARE"
	case *pg.ClosePortalStmt:
		return "CLOSE"
	case *pg.ConstraintsSetStmt:
		return "SET CONSTRAINTS"
	case *pg.CheckPointStmt:
		return "CHECKPOINT"
	case *pg.DeallocateStmt:
		return "DEALLOCATE"
	}
	name := string(m.ProtoReflect().Descriptor().Name())
	return spellType(strings.TrimSuffix(name, "Stmt"))
}

// spellType turns CreateFunction into "CREATE FUNCTION".
func spellType(name string) string {
	var b strings.Builder
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// objectName spells an ObjectType: OBJECT_MATVIEW is "MATERIALIZED VIEW".
func objectName(t pg.ObjectType) string {
	switch t {
	case pg.ObjectType_OBJECT_MATVIEW:
		return "MATERIALIZED VIEW"
	case pg.ObjectType_OBJECT_TABCONSTRAINT, pg.ObjectType_OBJECT_COLUMN:
		return "TABLE" // ALTER TABLE ... RENAME COLUMN / CONSTRAINT
	}
	return strings.ReplaceAll(strings.TrimPrefix(t.String(), "OBJECT_"), "_", " ")
}

func transactionCommand(k pg.TransactionStmtKind) string {
	switch k {
	case pg.TransactionStmtKind_TRANS_STMT_BEGIN:
		return "BEGIN"
	case pg.TransactionStmtKind_TRANS_STMT_START:
		return "START TRANSACTION"
	case pg.TransactionStmtKind_TRANS_STMT_COMMIT:
		return "COMMIT"
	case pg.TransactionStmtKind_TRANS_STMT_ROLLBACK:
		return "ROLLBACK"
	case pg.TransactionStmtKind_TRANS_STMT_SAVEPOINT:
		return "SAVEPOINT"
	case pg.TransactionStmtKind_TRANS_STMT_RELEASE:
		return "RELEASE"
	case pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:
		return "ROLLBACK TO"
	case pg.TransactionStmtKind_TRANS_STMT_PREPARE:
		return "PREPARE TRANSACTION"
	case pg.TransactionStmtKind_TRANS_STMT_COMMIT_PREPARED:
		return "COMMIT PREPARED"
	case pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_PREPARED:
		return "ROLLBACK PREPARED"
	}
	return "TRANSACTION"
}

// commandKind classifies the statements that are not queries: schema
// changes are DDL; REFRESH MATERIALIZED VIEW rewrites data, a write;
// the rest (transactions, SET, LOCK, LISTEN, VACUUM...) are other.
func commandKind(cmd string) Kind {
	verb, _, _ := strings.Cut(cmd, " ")
	switch verb {
	case "CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "GRANT", "REVOKE", "SECURITY", "IMPORT", "REASSIGN":
		return KindDDL
	case "REFRESH":
		return KindWrite
	}
	return KindOther
}
