package strict

import (
	"context"
	"database/sql"
)

// API is the controller the strict handler calls: written, not generated.
type API struct{ DB *sql.DB }

func (a *API) GetThing(ctx context.Context, request GetThingRequestObject) (interface{}, error) {
	var name string
	err := a.DB.QueryRowContext(ctx, `SELECT name FROM things WHERE id = $1`, request.ID).Scan(&name)
	return name, err
}
