// Stub of github.com/jackc/pgx/v5/pgtype (signatures mirror v5.12.0; bodies are placeholders).

package pgtype

// Codec converts between Go and PostgreSQL values.
type Codec interface{}

// Type represents a PostgreSQL data type.
type Type struct {
	Codec Codec
	Name  string
	OID   uint32
}

// Map is the mapping between PostgreSQL server types and Go type handling logic.
type Map struct {
	oidToType map[uint32]*Type
}

func NewMap() *Map { panic("stub") }

func (m *Map) RegisterType(t *Type) { panic("stub") }

func (m *Map) TypeForOID(oid uint32) (*Type, bool) { panic("stub") }

func (m *Map) TypeForName(name string) (*Type, bool) { panic("stub") }
