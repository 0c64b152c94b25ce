package server

import (
	"context"
	"database/sql"

	"example.com/rpc/gen/tagspb"
)

// tags implements the tag service; MergeTags is the generated stub's.
type tags struct {
	tagspb.UnimplementedTagServiceServer
	db *sql.DB
}

// NewTags returns the service as its interface: what registers it does
// not name the implementation.
func NewTags(db *sql.DB) tagspb.TagServiceServer { return &tags{db: db} }

func (t *tags) ListTags(ctx context.Context, req *tagspb.ListTagsRequest) (*tagspb.ListTagsResponse, error) {
	rows, err := t.db.QueryContext(ctx, "SELECT name FROM tags ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	resp := &tagspb.ListTagsResponse{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		resp.Names = append(resp.Names, n)
	}
	return resp, rows.Err()
}
