package loader

import (
	"database/sql"
	"time"
)

// NewUsers is the users loader, its batch function set in place.
func NewUsers(db *sql.DB) *UserLoader {
	return &UserLoader{
		wait: 5 * time.Millisecond,
		fetch: func(tokens []string) ([]int64, []error) {
			rows, err := db.Query("SELECT user_id FROM access_tokens WHERE value = ANY($1)", tokens)
			if err != nil {
				return nil, []error{err}
			}
			rows.Close()
			return nil, nil
		},
	}
}

// NewOrders is the orders loader, its batch function through the
// generated config.
func NewOrders(db *sql.DB) *OrderLoader {
	return NewOrderLoader(OrderLoaderConfig{
		Wait: time.Millisecond,
		Fetch: func(ids []string) ([]int64, []error) {
			db.Query("SELECT total FROM orders WHERE id = ANY($1)", ids)
			return nil, nil
		},
	})
}

// Loaders are a request's.
type Loaders struct {
	Users  *UserLoader
	Orders *OrderLoader
}
