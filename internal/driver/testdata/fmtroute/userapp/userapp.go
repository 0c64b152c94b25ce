package userapp

import (
	"context"
	"net/http"

	"example.com/fmtroute/mid"
	"example.com/fmtroute/userbus"
	"example.com/fmtroute/web"
)

type app struct{ bus *userbus.Business }

type resp struct{ n int }

func (r resp) Encode() ([]byte, error) { return nil, nil }

func (a *app) query(ctx context.Context, r *http.Request) web.Encoder {
	us, _ := a.bus.Query(ctx)
	return resp{len(us)}
}

func (a *app) queryByID(ctx context.Context, r *http.Request) web.Encoder {
	return resp{len(mid.User(ctx).Name)}
}

func (a *app) delete(ctx context.Context, r *http.Request) web.Encoder {
	a.bus.Delete(ctx, mid.User(ctx).ID)
	return nil
}

func Routes(w *web.App, bus *userbus.Business) {
	const version = "v1"
	api := &app{bus: bus}
	authUser := mid.AuthorizeUser(bus)

	w.HandlerFunc(http.MethodGet, version, "/users", api.query)
	w.HandlerFunc(http.MethodGet, version, "/users/{user_id}", api.queryByID, authUser)
	w.HandlerFunc(http.MethodDelete, "", "/users/{user_id}", api.delete, authUser)
}
