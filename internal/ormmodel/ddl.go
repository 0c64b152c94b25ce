package ormmodel

import (
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// CreateTable is the CREATE TABLE the ORM sends for m on PostgreSQL
// (gorm's Migrator.CreateTable, bun's NewCreateTable): columns in order,
// the primary key, and unique constraints. Indexes come apart
// (CreateIndexes), as gorm's postgres migrator creates them after the
// table. With ifNotExists, applying it to a catalog that has the table
// already changes nothing, which is what AutoMigrate does to an existing
// table's definition as far as sqlheat can tell.
func (m *Model) CreateTable(ifNotExists bool) string {
	var b strings.Builder
	b.WriteString("CREATE TABLE ")
	if ifNotExists {
		b.WriteString("IF NOT EXISTS ")
	}
	b.WriteString(m.QuotedTable())
	b.WriteString(" (")
	for i, c := range m.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(sqlparse.QuoteIdent(c.Name))
		b.WriteByte(' ')
		typ := c.Type
		if c.AutoIncrement && len(m.PK) == 1 && m.PK[0] == c.Name {
			switch typ {
			case "bigint":
				typ = "bigserial"
			case "integer":
				typ = "serial"
			case "smallint":
				typ = "smallserial"
			}
		}
		b.WriteString(typ)
		if c.NotNull {
			b.WriteString(" NOT NULL")
		}
	}
	if len(m.PK) > 0 {
		b.WriteString(", PRIMARY KEY (")
		b.WriteString(quoteList(m.PK))
		b.WriteString(")")
	}
	for _, ix := range m.Indexes {
		if !ix.Constraint {
			continue
		}
		b.WriteString(", ")
		if ix.Name != "" {
			b.WriteString("CONSTRAINT " + sqlparse.QuoteIdent(ix.Name) + " ")
		}
		b.WriteString("UNIQUE (" + strings.Join(ix.Columns, ", ") + ")")
	}
	b.WriteString(")")
	return b.String()
}

// CreateIndexes are the CREATE INDEX statements for the indexes m's
// tags declare, as gorm's postgres migrator sends them (IF NOT EXISTS).
func (m *Model) CreateIndexes() []string {
	var out []string
	for _, ix := range m.Indexes {
		if ix.Constraint {
			continue
		}
		var b strings.Builder
		b.WriteString("CREATE ")
		if ix.Unique {
			b.WriteString("UNIQUE ")
		}
		b.WriteString("INDEX IF NOT EXISTS " + sqlparse.QuoteIdent(ix.Name) + " ON " + m.QuotedTable())
		if ix.Method != "" {
			b.WriteString(" USING " + ix.Method)
		}
		b.WriteString(" (" + strings.Join(ix.Columns, ", ") + ")")
		if ix.Where != "" {
			b.WriteString(" WHERE " + ix.Where)
		}
		out = append(out, b.String())
	}
	return out
}

// QuotedTable is the table as the ORM writes it in SQL.
func (m *Model) QuotedTable() string {
	if m.Schema != "" {
		return sqlparse.QuoteIdent(m.Schema) + "." + sqlparse.QuoteIdent(m.Table)
	}
	return sqlparse.QuoteIdent(m.Table)
}

func quoteList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = sqlparse.QuoteIdent(c)
	}
	return strings.Join(q, ", ")
}
