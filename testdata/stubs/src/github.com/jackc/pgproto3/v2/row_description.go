// Stub of github.com/jackc/pgproto3/v2 (signatures mirror v2.3.3; bodies are placeholders).

package pgproto3

// FieldDescription describes one column of a RowDescription message.
type FieldDescription struct {
	Name                 []byte
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}
