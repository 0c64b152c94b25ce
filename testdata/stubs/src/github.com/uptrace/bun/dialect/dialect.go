// Stub of github.com/uptrace/bun/dialect (signatures mirror v1.3.0; bodies are placeholders).

package dialect

type Name int

const (
	Invalid Name = iota
	PG
	SQLite
	MySQL
	MSSQL
	Oracle
)

func (n Name) String() string { panic("stub") }
