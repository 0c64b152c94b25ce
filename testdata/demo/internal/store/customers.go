package store

import "context"

// CustomerForToken returns the customer of a live session token.
func (s *Store) CustomerForToken(ctx context.Context, token string) (int64, error) {
	var customerID int64
	err := s.db.QueryRowContext(ctx,
		`SELECT customer_id FROM sessions WHERE token = $1 AND expires_at > now()`, token).Scan(&customerID)
	return customerID, notFound(err)
}

// GetCustomer loads a customer by primary key.
func (s *Store) GetCustomer(ctx context.Context, id int64) (Customer, error) {
	var c Customer
	err := s.db.QueryRowContext(ctx, `SELECT c.* FROM customers c WHERE c.id = $1`, id).
		Scan(&c.ID, &c.Email, &c.Name, &c.CreatedAt)
	return c, notFound(err)
}

// CustomerByEmail finds a customer by their (unique) e-mail address.
func (s *Store) CustomerByEmail(ctx context.Context, email string) (Customer, error) {
	var c Customer
	err := s.db.QueryRowContext(ctx,
		`SELECT id, email, name, created_at FROM customers WHERE email = $1`, email).
		Scan(&c.ID, &c.Email, &c.Name, &c.CreatedAt)
	return c, notFound(err)
}

// EmailTaken reports whether a customer already uses email.
func (s *Store) EmailTaken(ctx context.Context, email string) (bool, error) {
	var taken bool
	err := s.db.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT * FROM customers WHERE email = $1)`, email).Scan(&taken)
	return taken, err
}

// CreateCustomer inserts a customer and returns the stored row.
func (s *Store) CreateCustomer(ctx context.Context, email, name string) (Customer, error) {
	var c Customer
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO customers (email, name) VALUES ($1, $2) RETURNING *`, email, name).
		Scan(&c.ID, &c.Email, &c.Name, &c.CreatedAt)
	return c, err
}

// ProductBySKU looks a product up by its stock-keeping unit.
func (s *Store) ProductBySKU(sku string) (Product, error) {
	var p Product
	err := s.db.QueryRow(`SELECT id, sku, name, price_cents, stock FROM products WHERE sku = $1`, sku).
		Scan(&p.ID, &p.SKU, &p.Name, &p.PriceCents, &p.Stock)
	return p, notFound(err)
}
