// Package server implements the shop and catalog services over SQL.
package server

import (
	"context"
	"database/sql"

	"example.com/gateway/gen/catalogpb"
	"example.com/gateway/gen/notifypb"
	"example.com/gateway/gen/shoppb"
)

type Shop struct {
	shoppb.UnimplementedShopServer
	DB *sql.DB
}

func (s *Shop) GetShop(ctx context.Context, req *shoppb.GetShopRequest) (*shoppb.Shop, error) {
	out := &shoppb.Shop{}
	err := s.DB.QueryRowContext(ctx, "SELECT id, name FROM shops WHERE id = $1", req.Id).Scan(&out.Id, &out.Name)
	return out, err
}

func (s *Shop) ListShops(ctx context.Context, req *shoppb.ListShopsRequest) (*shoppb.ListShopsResponse, error) {
	rows, err := s.DB.QueryContext(ctx, "SELECT id, name FROM shops ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return &shoppb.ListShopsResponse{}, rows.Err()
}

// Audit has no HTTP rule: the gateway serves no path for it.
func (s *Shop) Audit(ctx context.Context, req *shoppb.AuditRequest) (*shoppb.AuditResponse, error) {
	_, err := s.DB.ExecContext(ctx, "INSERT INTO audits (at) VALUES (now())")
	return &shoppb.AuditResponse{}, err
}

type Catalog struct{ DB *sql.DB }

func (c *Catalog) GetEntry(ctx context.Context, req *catalogpb.GetEntryRequest) (*catalogpb.Entry, error) {
	out := &catalogpb.Entry{}
	err := c.DB.QueryRowContext(ctx, "SELECT name FROM entries WHERE name = $1", req.Name).Scan(&out.Name)
	return out, err
}

type Notify struct{ DB *sql.DB }

func (n *Notify) Send(ctx context.Context, req *notifypb.SendRequest) (*notifypb.SendResponse, error) {
	_, err := n.DB.ExecContext(ctx, "INSERT INTO outbox (recipient) VALUES ($1)", req.To)
	return &notifypb.SendResponse{}, err
}
