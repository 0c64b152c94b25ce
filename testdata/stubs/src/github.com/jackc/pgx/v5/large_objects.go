// Stub of github.com/jackc/pgx/v5 (signatures mirror v5.12.0; bodies are placeholders).

package pgx

// LargeObjects is a structure used to access the large objects API.
type LargeObjects struct {
	tx Tx
}

type LargeObjectMode int32

const (
	LargeObjectModeWrite LargeObjectMode = 0x20000
	LargeObjectModeRead  LargeObjectMode = 0x40000
)
