// Stub of github.com/jackc/pgtype (signatures mirror v1.14.0; bodies are placeholders).

package pgtype

// ConnInfo maps PostgreSQL types to Go types for one connection.
type ConnInfo struct {
	oidToDataType map[uint32]interface{}
}

func NewConnInfo() *ConnInfo { panic("stub") }
