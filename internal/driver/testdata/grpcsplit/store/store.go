// Package store serves the items service from the database.
package store

import (
	"context"
	"database/sql"

	"example.com/grpcsplit/gen/storepb"
)

type Server struct {
	storepb.UnimplementedStoreServer
	DB *sql.DB
}

func (s *Server) GetItem(ctx context.Context, req *storepb.GetItemRequest) (*storepb.Item, error) {
	it := &storepb.Item{Id: req.Id}
	err := s.DB.QueryRowContext(ctx, "SELECT name FROM items WHERE id = $1", req.Id).Scan(&it.Name)
	return it, err
}
