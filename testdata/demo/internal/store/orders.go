package store

import (
	"context"
	"fmt"
	"time"
)

const orderColumns = `id, customer_id, status, total_cents, created_at, updated_at`

// GetOrder loads one order without its items.
func (s *Store) GetOrder(ctx context.Context, id int64) (Order, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+orderColumns+` FROM orders WHERE id = $1`, id)
	return scanOrder(row)
}

// ListOrdersByCustomer returns a customer's orders, newest first.
func (s *Store) ListOrdersByCustomer(ctx context.Context, customerID int64) ([]Order, error) {
	rows, err := s.query(ctx,
		`SELECT `+orderColumns+` FROM orders WHERE customer_id = $1 ORDER BY created_at DESC`, customerID)
	if err != nil {
		return nil, err
	}
	return collectOrders(rows)
}

// RecentOrders returns the 20 newest orders in a status, for the admin dashboard.
func (s *Store) RecentOrders(ctx context.Context, status string) ([]Order, error) {
	rows, err := s.query(ctx,
		`SELECT `+orderColumns+` FROM orders WHERE status = $1 ORDER BY created_at DESC LIMIT 20`, status)
	if err != nil {
		return nil, err
	}
	return collectOrders(rows)
}

// CountOrders counts the orders in a status.
func (s *Store) CountOrders(ctx context.Context, status string) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM orders WHERE status = $1`, status).Scan(&n)
	return n, err
}

// OrderItems returns the items of one order.
func (s *Store) OrderItems(ctx context.Context, orderID int64) ([]OrderItem, error) {
	rows, err := s.query(ctx, `SELECT * FROM order_items WHERE order_id = $1`, orderID)
	if err != nil {
		return nil, err
	}
	return collectItems(rows)
}

// ItemsForOrders loads the items of many orders with one query.
func (s *Store) ItemsForOrders(ctx context.Context, orders []Order) (map[int64][]OrderItem, error) {
	ids := make([]int64, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.ID)
	}
	rows, err := s.query(ctx,
		`SELECT id, order_id, product_id, quantity, price_cents FROM order_items WHERE order_id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	items, err := collectItems(rows)
	byOrder := make(map[int64][]OrderItem, len(orders))
	for _, it := range items {
		byOrder[it.OrderID] = append(byOrder[it.OrderID], it)
	}
	return byOrder, err
}

// OrderLines returns the items of an order together with product names.
func (s *Store) OrderLines(ctx context.Context, orderID int64) ([]OrderItem, error) {
	rows, err := s.query(ctx,
		`SELECT id, product_id, quantity, price_cents FROM order_items WHERE order_id = $1 ORDER BY id`, orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lines []OrderItem
	for rows.Next() {
		l := OrderItem{OrderID: orderID}
		if err := rows.Scan(&l.ID, &l.ProductID, &l.Quantity, &l.PriceCents); err != nil {
			return nil, err
		}
		err := s.db.QueryRowContext(ctx, `SELECT sku, name FROM products WHERE id = $1`, l.ProductID).
			Scan(&l.SKU, &l.Name)
		if err != nil {
			return nil, fmt.Errorf("product %d: %w", l.ProductID, err)
		}
		lines = append(lines, l)
	}
	return lines, rows.Err()
}

// CreateOrder creates a pending order with its items in one transaction,
// pricing each item at the product's current price.
func (s *Store) CreateOrder(ctx context.Context, customerID int64, lines []NewLine) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()

	var orderID int64
	err = tx.QueryRowContext(ctx,
		`INSERT INTO orders (customer_id, status) VALUES ($1, 'pending') RETURNING id`, customerID).Scan(&orderID)
	if err != nil {
		return 0, err
	}
	for _, l := range lines {
		res, err := tx.ExecContext(ctx, `INSERT INTO order_items (order_id, product_id, quantity, price_cents)
			SELECT $1, id, $2, price_cents FROM products WHERE id = $3`, orderID, l.Quantity, l.ProductID)
		if err != nil {
			return 0, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return 0, fmt.Errorf("product %d: %w", l.ProductID, ErrNotFound)
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE orders SET total_cents =
		(SELECT sum(quantity * price_cents) FROM order_items WHERE order_id = $1) WHERE id = $1`, orderID)
	if err != nil {
		return 0, err
	}
	return orderID, tx.Commit()
}

// CancelOrder cancels a pending order, retrying transient failures.
func (s *Store) CancelOrder(ctx context.Context, id int64) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		_, err = s.db.ExecContext(ctx,
			`UPDATE orders SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'pending'`, id)
		if err == nil {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 50 * time.Millisecond)
	}
	return err
}
