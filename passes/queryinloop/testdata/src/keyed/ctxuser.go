package keyed

import (
	"context"
	"database/sql"
)

// The request's context as a cache: a helper answering the user the
// authentication middleware put in the context, querying only when it
// is not there.

type userKey struct{}

type sessionKey struct{} // read below, set nowhere

type AuthUser struct {
	ID   int64
	Name string
}

type Auth struct{ db *sql.DB }

func (a *Auth) userByToken(ctx context.Context, token string) (*AuthUser, error) {
	var u AuthUser
	err := a.db.QueryRowContext(ctx, `SELECT id, name FROM users WHERE token = $1`, token).Scan(&u.ID, &u.Name)
	return &u, err
}

// Authenticate is the middleware: it puts the request's user in its
// context.
func (a *Auth) Authenticate(ctx context.Context, token string) (context.Context, error) {
	u, err := a.userByToken(ctx, token)
	if err != nil {
		return ctx, err
	}
	return context.WithValue(ctx, userKey{}, u), nil
}

func (a *Auth) CurrentUser(ctx context.Context, token string) (*AuthUser, error) {
	if u, ok := ctx.Value(userKey{}).(*AuthUser); ok {
		return u, nil
	}
	return a.userByToken(ctx, token)
}

func (a *Auth) CurrentSession(ctx context.Context, token string) (*AuthUser, error) {
	if u, ok := ctx.Value(sessionKey{}).(*AuthUser); ok {
		return u, nil
	}
	return a.userByToken(ctx, token)
}

func (a *Auth) CanEach(ctx context.Context, token string, ids []int64) (n int) {
	for _, id := range ids {
		u, _ := a.CurrentUser(ctx, token) // silent: the middleware put the user in the context
		if u != nil && u.ID == id {
			n++
		}
		s, _ := a.CurrentSession(ctx, token) // want `^keyed.\(\*Auth\).CurrentSession runs SELECT from users`
		if s != nil && s.ID == id {
			n++
		}
	}
	return n
}
