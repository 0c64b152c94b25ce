package mid

import (
	"context"
	"net/http"

	"example.com/fmtroute/userbus"
	"example.com/fmtroute/web"
)

type userKey struct{}

// AuthorizeUser looks the user of the path up before the handler runs.
func AuthorizeUser(bus *userbus.Business) web.MidFunc {
	m := func(next web.HandlerFunc) web.HandlerFunc {
		h := func(ctx context.Context, r *http.Request) web.Encoder {
			usr, err := bus.QueryByID(ctx, r.PathValue("user_id"))
			if err != nil {
				return nil
			}
			return next(context.WithValue(ctx, userKey{}, usr), r)
		}
		return h
	}
	return m
}

func User(ctx context.Context) userbus.User {
	u, _ := ctx.Value(userKey{}).(userbus.User)
	return u
}
