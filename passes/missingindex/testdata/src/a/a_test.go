package a

import (
	"context"
	"database/sql"
	"testing"
)

// Test fixtures query tiny tables: silent.
func TestOrders(t *testing.T) {
	var db *sql.DB
	db.QueryContext(context.Background(), `SELECT id FROM orders WHERE customer_id = $1`, 1)
}
