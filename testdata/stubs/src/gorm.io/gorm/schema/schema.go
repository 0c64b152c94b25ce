// Stub of gorm.io/gorm/schema (signatures mirror v1.31.2; bodies are placeholders).

package schema

// Schema is a parsed model.
type Schema struct {
	Name   string
	Table  string
	Fields []*Field
}

// Field is a parsed model field.
type Field struct {
	Name   string
	DBName string
}

// Namer namer interface (subset of the real method set)
type Namer interface {
	TableName(table string) string
	SchemaName(table string) string
	ColumnName(table, column string) string
	JoinTableName(joinTable string) string
	CheckerName(table, column string) string
	IndexName(table, column string) string
	UniqueName(table, column string) string
}
